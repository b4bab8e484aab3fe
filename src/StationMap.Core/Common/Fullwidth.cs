using System.Text;

namespace StationMap;

/// <summary>Full-width ASCII (１２３，．－) as typed with a Chinese IME, folded to half-width.</summary>
public static class Fullwidth
{
    public static string ToHalfwidth(string text)
    {
        if (!text.Any(c => c is >= '\uFF01' and <= '\uFF5E' or '\u3000')) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\u3000' => ' ',
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                _ => c,
            });
        }
        return sb.ToString();
    }
}
