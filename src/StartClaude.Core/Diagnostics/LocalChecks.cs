using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Launch;
using StartClaude.Core.Local;
using StartClaude.Core.Providers;

namespace StartClaude.Core.Diagnostics;

/// <summary>The checks of <c>doctor</c> that need no network: config.json, its privacy, claude, the S3 settings.</summary>
public sealed class LocalChecks(LocalConfigStore localStore, AppEnvironment environment, ProviderCatalog providers)
{
    public ConfigDocument? CheckConfigFile(List<CheckResult> results)
    {
        const string what = "config.json is a valid config document";
        try
        {
            var document = localStore.Read();
            results.Add(document is null
                ? new CheckResult("config", what, CheckStatus.Warning, $"{localStore.ConfigPath} does not exist yet", "add a config (start-claude add) or set up sync (start-claude s3-setup)")
                : new CheckResult("config", what, CheckStatus.Ok, $"{localStore.ConfigPath}: {document.LiveConfigs.Count} config(s)"));
            return document;
        }
        catch (Exception ex) when (ex is DocumentFormatException or LocalConfigException)
        {
            results.Add(new CheckResult("config", what, CheckStatus.Problem, ex.Message,
                "fix the file by hand, or put back a backup: start-claude backups, then start-claude backups restore latest"));
            return null;
        }
    }

    public void CheckPrivacy(List<CheckResult> results)
    {
        const string what = "config.json is private (it holds API keys)";
        if (OperatingSystem.IsWindows())
        {
            results.Add(new CheckResult("config-private", what, CheckStatus.Skipped, "not checked on Windows (the file is in your user profile)"));
            return;
        }
        if (!File.Exists(localStore.ConfigPath))
        {
            results.Add(new CheckResult("config-private", what, CheckStatus.Skipped, "no config.json yet (the tool creates it readable only by you)"));
            return;
        }
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        var open = new List<string>();
        var fixes = new List<string>();
        if (File.Exists(localStore.ConfigPath) && (File.GetUnixFileMode(localStore.ConfigPath) & others) != 0)
        {
            open.Add($"{localStore.ConfigPath} is mode {Octal(File.GetUnixFileMode(localStore.ConfigPath))}");
            fixes.Add($"chmod 600 '{localStore.ConfigPath}'");
        }
        if (Directory.Exists(localStore.Folder) && (File.GetUnixFileMode(localStore.Folder) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            open.Add($"{localStore.Folder} can be written by others (mode {Octal(File.GetUnixFileMode(localStore.Folder))})");
            fixes.Add($"chmod 700 '{localStore.Folder}'");
        }
        results.Add(open.Count == 0
            ? new CheckResult("config-private", what, CheckStatus.Ok, "readable and writable only by you")
            : new CheckResult("config-private", what, CheckStatus.Problem, string.Join("; ", open), string.Join(" and ", fixes)));
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');

    public void CheckClaude(List<CheckResult> results)
    {
        const string what = "claude is on PATH";
        results.Add(ClaudeExecutable.Find(environment.Get("PATH"), environment.Get("PATHEXT")) is { } found
            ? new CheckResult("claude", what, CheckStatus.Ok, found)
            : new CheckResult("claude", what, CheckStatus.Problem, "no claude executable on PATH: starting a config will fail (exit 127)",
                $"install Claude Code ({ClaudeExecutable.InstallCommand}) or put its folder on PATH"));
    }

    public S3SyncSettings? CheckSettings(List<CheckResult> results, ConfigDocument? document)
    {
        const string what = "S3 settings complete";
        if (document?.S3Sync is null)
        {
            results.Add(new CheckResult("s3-settings", what, CheckStatus.Skipped, "S3 sync is not set up", "to sync configs across devices: start-claude s3-setup"));
            return null;
        }
        try
        {
            var resolved = providers.ResolveStored(document);
            var settings = resolved!.Settings;
            results.Add(new CheckResult("s3-settings", what, CheckStatus.Ok,
                $"{settings.ProviderId}, s3://{settings.Bucket}/{settings.Key}, access key {SecretMask.Mask(settings.AccessKeyId)}"));
            return settings;
        }
        catch (StartClaudeException ex)
        {
            results.Add(new CheckResult("s3-settings", what, CheckStatus.Problem, ex.Message, "re-run start-claude s3-setup"));
            return null;
        }
    }
}
