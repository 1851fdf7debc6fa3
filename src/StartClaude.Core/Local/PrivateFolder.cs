namespace StartClaude.Core.Local;

/// <summary>
/// Makes the home private whenever the tool is about to write there: the folder and <c>backups/</c>
/// 0700, and the files the tool keeps there 0600, existing ones too (a home made by hand, or by an
/// older version, may be 0755 with 0644 files holding API keys). Only the tool's own files are
/// touched, and never a shared folder (sticky bit, like /tmp), so a START_CLAUDE_HOME pointed at a
/// busy folder does not have its other files changed. Symbolic links are left alone.
/// </summary>
public static class PrivateFolder
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The files the tool writes directly in the home.</summary>
    public static readonly IReadOnlyList<string> OwnFiles = [LocalConfigStore.FileName, "sync-state.json", Sync.StartCheckStore.FileName, ".lock", ".lock.pid", Teams.MachineIdentityStore.FileName, Machines.MachineListStore.FileName];

    /// <summary>Tightens the home <paramref name="folder"/>; returns how many entries had to change (0 when all were private).</summary>
    public static int Tighten(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
            return 0;
        var changed = TightenFolder(folder);
        foreach (var name in OwnFiles)
            changed += TightenFile(Path.Combine(folder, name));
        // The machine's key and what it knows of its teams: as private as config.json.
        var teams = Path.Combine(folder, "teams");
        if (Directory.Exists(teams))
        {
            changed += TightenFolder(teams);
            foreach (var team in Directory.EnumerateFiles(teams, "*.json"))
                changed += TightenFile(team);
        }
        var backups = Path.Combine(folder, BackupStore.FolderName);
        if (Directory.Exists(backups))
        {
            changed += TightenFolder(backups);
            foreach (var backup in Directory.EnumerateFiles(backups, "config-*.json"))
                changed += TightenFile(backup);
        }
        return changed;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static int TightenFolder(string folder)
    {
        var info = new DirectoryInfo(folder);
        if (info.LinkTarget is not null || (info.UnixFileMode & UnixFileMode.StickyBit) != 0 || (info.UnixFileMode & GroupOrOther) == 0)
            return 0;
        info.UnixFileMode = OwnerOnly;
        return 1;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static int TightenFile(string path)
    {
        if (FileStatus.Of(path, followLinks: false).Kind != FileKind.Regular)
            return 0;
        var info = new FileInfo(path);
        if ((info.UnixFileMode & GroupOrOther) == 0)
            return 0;
        info.UnixFileMode = OwnerReadWrite;
        return 1;
    }
}
