namespace StartClaude.Core.Local;

/// <summary>
/// Makes the home private whenever the tool is about to write there: the folder and its sub-folders
/// 0700, every file 0600, existing ones too (a home made by hand, or an older version, may be 0755 with
/// 0644 files holding API keys). Symbolic links are left alone: their targets are the person's own.
/// </summary>
public static class PrivateFolder
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Tightens <paramref name="folder"/>; returns how many entries had to change (0 when all were private).</summary>
    public static int Tighten(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
            return 0;
        var changed = 0;
        var folderInfo = new DirectoryInfo(folder);
        if (folderInfo.LinkTarget is null && (folderInfo.UnixFileMode & GroupOrOther) != 0)
        {
            folderInfo.UnixFileMode = OwnerOnly;
            changed++;
        }
        foreach (var entry in folderInfo.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
                continue;
            if (entry is DirectoryInfo sub)
                changed += Tighten(sub.FullName);
            else if (FileStatus.Of(entry.FullName, followLinks: false).Kind == FileKind.Regular && (entry.UnixFileMode & GroupOrOther) != 0)
            {
                entry.UnixFileMode = OwnerReadWrite;
                changed++;
            }
        }
        return changed;
    }
}
