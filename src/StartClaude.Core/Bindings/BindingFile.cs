using System.Text;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;

namespace StartClaude.Core.Bindings;

/// <summary>
/// The file `start-claude bind NAME` writes in a folder: a comment saying what it is and one config name,
/// nothing secret, so it can be committed. Its name differs from the home folder (~/.start-claude/), which a
/// search upward meets. What it holds is hostile until read: its kind is found before it is opened (a FIFO
/// would block the open, a device never ends), at most <see cref="MaxBytes"/> are read, and the text must be
/// UTF-8 without control characters naming exactly one config.
/// </summary>
public static class BindingFile
{
    public const string FileName = ".start-claude-config";

    public const int MaxBytes = 4096;

    private const string Comment = "# start-claude: a start in this folder or below uses the config named on the next line (docs/bindings.md)";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string PathIn(string folder) => Path.Combine(folder, FileName);

    /// <summary>
    /// The config named by the binding file in <paramref name="folder"/>, or null when there is none.
    /// Costs one status call when there is no file (the common case on the way up).
    /// </summary>
    /// <exception cref="LocalConfigException">Something is there that is not a readable binding file.</exception>
    public static string? ReadIn(string folder)
    {
        var path = PathIn(folder);
        try
        {
            if (FileStatus.Of(path, followLinks: false).Kind == FileKind.Missing)
                return null;
            var kind = FileStatus.Of(path).Kind;
            if (kind == FileKind.Missing)
                throw Refused(path, "is a symbolic link to nothing");
            if (kind != FileKind.Regular)
                throw Refused(path, $"is {FileStatus.Describe(kind)}, not a regular file");
            return Parse(ReadBounded(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Refused(path, $"cannot be read: {LocalFile.Reason(ex)}");
        }
    }

    /// <summary>The config name in a binding file's bytes.</summary>
    /// <exception cref="LocalConfigException">They are not one config name.</exception>
    public static string Parse(byte[] bytes, string path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Refused(path, "is not UTF-8 text");
        }
        string? name = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r').Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (HasControlCharacters(line))
                throw Refused(path, "holds control characters");
            if (name is not null)
                throw Refused(path, "names more than one config");
            if (line.Length > ConfigDocument.MaxNameLength)
                throw Refused(path, $"holds a line longer than a config name may be ({ConfigDocument.MaxNameLength} characters)");
            name = line;
        }
        return name ?? throw Refused(path, "names no config");
    }

    /// <summary>Writes (or replaces) the binding file in <paramref name="folder"/>, atomically.</summary>
    /// <exception cref="LocalConfigException">Something other than a file is in the way, or the folder cannot be written.</exception>
    public static string Write(string folder, string configName)
    {
        ArgumentNullException.ThrowIfNull(configName);
        var path = PathIn(folder);
        try
        {
            var kind = FileStatus.Of(path, followLinks: false).Kind;
            if (kind is not (FileKind.Missing or FileKind.Regular or FileKind.SymbolicLink))
                throw Refused(path, $"is {FileStatus.Describe(kind)}; move it away first");
            AtomicFile.Write(path, Encoding.UTF8.GetBytes($"{Comment}\n{configName}\n"));
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalConfigException($"cannot write {TerminalText.Escape(path)}: {LocalFile.Reason(ex)}", ex);
        }
    }

    /// <summary>Removes the binding file in <paramref name="folder"/>; false when there was none.</summary>
    public static bool Remove(string folder)
    {
        var path = PathIn(folder);
        try
        {
            var kind = FileStatus.Of(path, followLinks: false).Kind;
            if (kind == FileKind.Missing)
                return false;
            if (kind is not (FileKind.Regular or FileKind.SymbolicLink))
                throw Refused(path, $"is {FileStatus.Describe(kind)}, not a binding file; nothing was removed");
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalConfigException($"cannot remove {TerminalText.Escape(path)}: {LocalFile.Reason(ex)}", ex);
        }
    }

    // Never more than MaxBytes + 1 bytes, whatever the file's size says (it may grow while read).
    private static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            total += read;
        if (total > MaxBytes)
            throw Refused(path, $"is larger than the {MaxBytes:N0} bytes a binding file may be");
        return buffer[..total];
    }

    private static bool HasControlCharacters(string line)
    {
        foreach (var c in line)
        {
            if (char.IsControl(c) || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069')
                return true;
        }
        return false;
    }

    private static LocalConfigException Refused(string path, string problem) =>
        new($"the binding file {TerminalText.Escape(path)} {problem}; it should hold one config name (start-claude bind NAME rewrites it, start-claude unbind removes it)");
}
