using System.Security.Cryptography;
using System.Text;

namespace StationMap.Auth;

/// <summary>
/// Keys are 32 random bytes, so a fast hash is enough (no dictionary to guess from);
/// a slow KDF would only cost every request.
/// </summary>
public static class KeyHasher
{
    public const string KeyPrefix = "smk_";

    public static string NewKey() =>
        KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string DisplayPrefix(string key) => key[..Math.Min(key.Length, 12)];
}
