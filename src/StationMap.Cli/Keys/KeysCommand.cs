using System.CommandLine;
using Spectre.Console;
using StationMap.Auth;

namespace StationMap.Cli.Keys;

/// <summary>`stationmap keys create --org 110108 --role editor`, `keys revoke PREFIX`, `keys list`.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "员工密钥 / staff keys");

        var org = new Option<string>("--org") { Description = "机构行政区划代码，如 110108 / organisation adcode", Required = true };
        // Read as text: System.CommandLine's enum parsing would take "editor,publisher" (OR-ed: admin) or "7".
        var role = new Option<string>("--role") { Description = "viewer | editor | publisher | admin", Required = true };
        var label = new Option<string?>("--label") { Description = "谁持有此密钥 / who holds the key" };
        var create = new Command("create", "新建密钥，只显示一次 / create a key (shown once)") { org, role, label };
        create.SetSafeAction(async (p, ct) =>
        {
            await using var ds = CliDatabase.OpenDataSource();
            await using var db = CliDatabase.OpenDb(ds);
            var adcode = p.GetValue(org)!.Trim();
            if (adcode.Length != 6 || !adcode.All(char.IsAsciiDigit))
                throw new CliException($"--org must be a 6-digit adcode / --org 须为6位行政区划代码: '{adcode}'");
            if (!StationMap.Stations.EnumNames.TryParse<StaffRole>(p.GetValue(role), out var r))
                throw new CliException($"--role must be one of viewer, editor, publisher, admin / --role 须为 viewer、editor、publisher、admin 之一: '{p.GetValue(role)}'");
            var (key, record) = await new StaffKeyStore(db).CreateAsync(adcode, r, p.GetValue(label) ?? $"{r.ToString().ToLowerInvariant()}@{adcode}", "cli", ct);
            Console.WriteLine(key);
            Console.Error.WriteLine($"created {record.Role.ToString().ToLowerInvariant()} key {record.Prefix}… for {adcode}; it is not shown again / 密钥仅显示这一次");
            return 0;
        });

        var prefix = new Argument<string>("prefix") { Description = "密钥前缀（keys list 中显示）/ key prefix" };
        var revoke = new Command("revoke", "吊销密钥 / revoke a key") { prefix };
        revoke.SetSafeAction(async (p, ct) =>
        {
            await using var ds = CliDatabase.OpenDataSource();
            await using var db = CliDatabase.OpenDb(ds);
            if (!await new StaffKeyStore(db).RevokeAsync(p.GetValue(prefix)!, "cli", ct))
                throw new CliException($"no active key with prefix {p.GetValue(prefix)} / 没有该前缀的有效密钥");
            Console.WriteLine("revoked");
            return 0;
        });

        var list = new Command("list", "列出密钥 / list keys");
        list.SetSafeAction(async (_, ct) =>
        {
            await using var ds = CliDatabase.OpenDataSource();
            await using var db = CliDatabase.OpenDb(ds);
            var table = new Table().AddColumns("prefix", "role", "org", "label", "created", "revoked");
            foreach (var k in await new StaffKeyStore(db).ListAsync(ct))
                table.AddRow(k.Prefix, k.Role.ToString(), k.Organization!.Adcode, Markup.Escape(k.Label), k.CreatedAt.ToString("u"), k.RevokedAt?.ToString("u") ?? "");
            AnsiConsole.Write(table);
            return 0;
        });

        keys.Subcommands.Add(create);
        keys.Subcommands.Add(revoke);
        keys.Subcommands.Add(list);
        return keys;
    }
}
