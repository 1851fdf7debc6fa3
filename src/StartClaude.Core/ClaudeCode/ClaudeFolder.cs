using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;

namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// This machine's Claude Code items on disk: read into the document's shape for the kinds chosen, and a
/// result applied back — files written or deleted one by one, and <c>.claude.json</c> and
/// <c>settings.json</c> patched (only the chosen keys; every other byte stays). Each write is atomic, keeps
/// the file's mode, goes through a symbolic link to its target, and is preceded by a backup. What is about to
/// be replaced is first checked to be what was read; what Claude Code (or the person) changed meanwhile is left
/// as it is, and said, for the engine to plan again.
/// </summary>
public sealed class ClaudeFolder(ClaudeCodePaths paths, BackupStore backups)
{
    /// <summary>The most a <c>.claude.json</c> or <c>settings.json</c> may be for the tool to read (and patch) it.</summary>
    public const long MaxJsonFileBytes = JsonTextPatch.MaxBytes;

    // Where the home and the Claude Code folder really are (links resolved): worked out once.
    private string?[]? _roots;

    public ClaudeCodePaths Paths => paths;

    /// <summary>The items <paramref name="scope"/> looks for as they are on disk, and one warning per file skipped.</summary>
    /// <exception cref="LocalConfigException">A folder holds more files than may be carried, or a JSON file cannot be read.</exception>
    public (JsonObject Section, IReadOnlyList<string> Warnings) Read(IClaudeItemScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var section = new JsonObject();
        var warnings = new List<string>();
        foreach (var file in scope.SingleFiles)
        {
            if (file.LastIndexOf('/') is var slash and > 0)
                RefuseLinkedFolderBelowKind(file[..slash]);
            ReadFile(file, section, warnings);
        }
        var count = 0;
        foreach (var folder in scope.FolderRoots)
        {
            RefuseLinkedFolderBelowKind(folder);
            foreach (var relative in FilesUnder(folder, warnings))
            {
                if (++count > ClaudeSection.MaxFiles)
                    throw new LocalConfigException($"{Shown(paths.Folder)} holds more than the {ClaudeSection.MaxFiles:N0} files that may be kept in step across agents/, commands/, skills/ and output-styles/; choose fewer kinds (start-claude claude-files --set ...) or mark some local-only; nothing was changed");
                ReadFile(relative, section, warnings);
            }
        }
        if (scope.ReadsMcpServers && ReadJson(paths.GlobalConfigFile)?.Root is { } global && global.TryGetPropertyValue("mcpServers", out var serversNode))
        {
            // A patch goes through mcpServers: anything but an object there is refused now, before anything is written.
            if (serversNode is not JsonObject servers)
                throw new LocalConfigException($"\"mcpServers\" in {Shown(paths.GlobalConfigFile)} is not an object, so MCP servers cannot be kept in step; fix it (or remove the key), then sync again; nothing was changed");
            foreach (var (name, server) in servers)
            {
                // Skipping it would send its deletion to every machine.
                if (server is not JsonObject)
                    throw new LocalConfigException($"the MCP server \"{Shown(name)}\" in {Shown(paths.GlobalConfigFile)} is not an object, so MCP servers cannot be kept in step; fix it (or remove it), then sync again; nothing was changed");
                ClaudeSection.Put(section, ClaudeItemIds.Mcp(name), ClaudeSection.ValueItem(HomeRelative.StoreServer(server, paths.Home)));
            }
        }
        var keys = scope.SettingKeys.ToList();
        if (keys.Count > 0 && ReadJson(paths.SettingsFile)?.Root is { } settings)
        {
            foreach (var key in keys)
            {
                if (settings.TryGetPropertyValue(key, out var value))
                    ClaudeSection.Put(section, ClaudeItemIds.Setting(key), ClaudeSection.ValueItem(HomeRelative.StoreSetting(key, value, paths.Home)));
            }
        }
        return (section, warnings);
    }

    /// <summary>The top-level keys of settings.json (for the wizard to offer), or none.</summary>
    public IReadOnlyList<string> SettingsKeys()
    {
        try
        {
            return ReadJson(paths.SettingsFile)?.Root.Select(p => p.Key).ToList() ?? [];
        }
        catch (StartClaudeException)
        {
            return [];
        }
    }

    /// <summary>
    /// Makes the disk hold <paramref name="result"/>'s version of every item this machine carries: written when
    /// it differs, deleted when the result has it deleted or not at all. <paramref name="readBefore"/> is what was
    /// read before planning: an item about to change must still be that.
    /// </summary>
    /// <returns>What was written or deleted, one line each; and the items left alone because they changed here since the read.</returns>
    public (IReadOnlyList<string> Done, IReadOnlyList<string> ChangedMeanwhile) Apply(JsonObject? result, IClaudeItemScope scope, JsonObject? readBefore)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (now, _) = Read(scope);
        var wanted = ClaudeSection.Items(result).Where(i => scope.Carries(i.Id) && !ClaudeSection.IsTombstone(i.Item))
            .ToDictionary(i => i.Id, i => i.Item, StringComparer.Ordinal);
        var onDisk = ClaudeSection.Items(now).Where(i => scope.Carries(i.Id)).ToDictionary(i => i.Id, i => i.Item, StringComparer.Ordinal);
        var changes = new List<string>();
        var changedMeanwhile = new List<string>();
        foreach (var id in wanted.Keys.Union(onDisk.Keys).Order(StringComparer.Ordinal))
        {
            var target = wanted.GetValueOrDefault(id);
            var current = onDisk.GetValueOrDefault(id);
            if (Same(target, current))
                continue;
            // Changed here since the sync read it (Claude Code writes .claude.json while it runs): the newer
            // edit stays, and the next round sends it.
            var before = ClaudeSection.Get(readBefore, id);
            if (!Same(current, ClaudeSection.IsTombstone(before) ? null : before))
                changedMeanwhile.Add(id);
            else
                changes.Add(id);
        }
        if (changes.Count == 0)
            return ([], changedMeanwhile);
        CheckWritable(changes.Where(id => wanted.ContainsKey(id)));
        var stamp = backups.NewClaudeStamp();
        var done = new List<string>();
        var mcp = new List<JsonTextEdit>();
        var settings = new List<JsonTextEdit>();
        foreach (var id in changes)
        {
            var target = wanted.GetValueOrDefault(id);
            var (map, name) = ClaudeSection.Split(id);
            switch (map)
            {
                case ClaudeSection.Files:
                    WriteFile(name, ClaudeSection.TextOf(target), stamp);
                    break;
                case ClaudeSection.McpServers:
                    mcp.Add(target is null
                        ? new JsonTextEdit(["mcpServers", name], null, Remove: true)
                        : new JsonTextEdit(["mcpServers", name], HomeRelative.ExpandServer(ClaudeSection.ValueOf(target).Value, paths.Home)));
                    break;
                default:
                    settings.Add(target is null
                        ? new JsonTextEdit([name], null, Remove: true)
                        : new JsonTextEdit([name], HomeRelative.ExpandSetting(name, ClaudeSection.ValueOf(target).Value, paths.Home)));
                    break;
            }
            done.Add($"{(target is null ? "deleted" : "wrote")} {ClaudeSection.Label(id)}");
        }
        Patch(paths.GlobalConfigFile, mcp, stamp);
        Patch(paths.SettingsFile, settings, stamp);
        return (done, changedMeanwhile);
    }

    private static bool Same(JsonNode? a, JsonNode? b) =>
        a is null || b is null ? a is null && b is null : CanonicalJson.Of(a) == CanonicalJson.Of(b);

    private IEnumerable<string> FilesUnder(string kind, List<string> warnings)
    {
        var root = Path.Combine(paths.Folder, kind);
        if (!Directory.Exists(root))
            yield break;
        var pending = new Stack<(string Folder, string Relative)>();
        pending.Push((root, kind));
        var found = new List<string>();
        while (pending.Count > 0)
        {
            var (folder, relative) = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                warnings.Add($"skipped {Shown(folder)}: {LocalFile.Reason(ex)}");
                continue;
            }
            foreach (var entry in entries)
            {
                // Hidden files (.DS_Store, .git) are not Claude Code's.
                if (entry.Name.StartsWith('.'))
                    continue;
                var path = relative + "/" + entry.Name;
                if (entry is DirectoryInfo directory)
                {
                    // A linked folder inside a kind could loop or lead anywhere: only real folders are walked.
                    if (directory.LinkTarget is null)
                        pending.Push((directory.FullName, path));
                    else
                        warnings.Add($"skipped {Shown(directory.FullName)}: a linked folder inside {kind}/ is not followed");
                    continue;
                }
                found.Add(path);
            }
        }
        foreach (var path in found.Order(StringComparer.Ordinal))
            yield return path;
    }

    private void ReadFile(string relative, JsonObject section, List<string> warnings)
    {
        var full = Path.Combine(paths.Folder, relative);
        if (ClaudePath.Problem(relative) is { } problem)
        {
            warnings.Add($"skipped {Shown(full)}: {problem}");
            return;
        }
        if (LinkProblem(full) is { } linkProblem)
        {
            warnings.Add($"skipped {Shown(full)}: {linkProblem}");
            return;
        }
        var status = FileStatus.Of(full).Kind;
        if (status == FileKind.Missing)
            return;
        if (status != FileKind.Regular)
        {
            warnings.Add($"skipped {Shown(full)}: it is {FileStatus.Describe(status)}, not a regular file");
            return;
        }
        byte[] bytes;
        try
        {
            if (new FileInfo(full).Length > ClaudeSection.MaxFileBytes)
            {
                warnings.Add($"skipped {Shown(full)}: it is larger than the {ClaudeSection.MaxFileBytes / 1024:N0} KiB a carried file may be");
                return;
            }
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"skipped {Shown(full)}: {LocalFile.Reason(ex)}");
            return;
        }
        if (bytes.Length > ClaudeSection.MaxFileBytes || bytes.AsSpan().IndexOf((byte)0) >= 0 || !System.Text.Unicode.Utf8.IsValid(bytes))
        {
            warnings.Add($"skipped {Shown(full)}: only UTF-8 text files are kept in step, and this one is not");
            return;
        }
        ClaudeSection.Put(section, ClaudeItemIds.File(relative), ClaudeSection.FileItem(Encoding.UTF8.GetString(bytes)));
    }

    /// <summary>
    /// Why the file at <paramref name="full"/>, a symbolic link, is neither read nor written through: it points
    /// at nothing, or out of this machine's home (a document must not reach /etc through a link). Null when it
    /// is no link, or a link to a file inside the home (a dotfile manager's).
    /// </summary>
    private string? LinkProblem(string full)
    {
        string? real;
        try
        {
            var info = new FileInfo(full);
            if (info.LinkTarget is not null && (info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true }))
                return "it is a symbolic link to nothing; links are followed only to a file that exists";
            real = RealPath(full, 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"its symbolic link cannot be followed ({LocalFile.Reason(ex)})";
        }
        if (real is null)
            return "its symbolic links cannot be followed (a loop?)";
        // Every link on the way counts (a linked folder too): where the file really is must be in the home or in the Claude Code folder.
        _roots ??= [RealPath(paths.Home, 0), RealPath(paths.Folder, 0)];
        foreach (var root in _roots)
        {
            if (root is not null && (real + Path.DirectorySeparatorChar).StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return null;
        }
        return $"it is out of your home folder through a symbolic link ({Shown(real)}); only links that stay inside it are followed";
    }

    // Where a path really is, every symbolic link on the way resolved (a path that does not exist yet: its folder's, plus its name).
    private static string? RealPath(string path, int depth)
    {
        if (depth > 32)
            return null;
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                var resolved = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                if (RealPath(resolved, depth + 1) is not { } real)
                    return null;
                next = real;
            }
            current = next;
        }
        return current;
    }

    // A folder below a kind (a team's agents/acme) that is a link could lead to files that are no one's to send, and
    // is never written through (RefuseLinkedFolders): refused before anything is read, so nothing behind it leaves.
    private void RefuseLinkedFolderBelowKind(string relative)
    {
        var parts = relative.Split('/');
        var current = Path.Combine(paths.Folder, parts[0]);
        foreach (var part in parts.Skip(1))
        {
            current = Path.Combine(current, part);
            if (Directory.Exists(current) && new DirectoryInfo(current).LinkTarget is not null)
                throw new LocalConfigException($"{Shown(current)} is a linked folder inside {Shown(parts[0])}/: items are neither read nor written through it; make it a real folder (move what it links to into it), then sync again; nothing was changed");
        }
    }

    // Everything that could stop a write is checked before the first one, so a result is applied whole or not at all.
    private void CheckWritable(IEnumerable<string> fileIds)
    {
        var root = Path.GetFullPath(paths.Folder);
        foreach (var id in fileIds)
        {
            var (map, relative) = ClaudeSection.Split(id);
            if (map != ClaudeSection.Files)
                continue;
            var full = ClaudePath.Under(paths.Folder, relative);
            if (LinkProblem(full) is { } linkProblem)
                throw new LocalConfigException($"cannot write {Shown(full)}: {linkProblem}; move it away, then sync again; nothing here was changed");
            if (Directory.Exists(full))
                throw new LocalConfigException($"cannot write {Shown(full)}: a folder is in its place; rename or move that folder, then sync again; nothing here was changed");
            RefuseLinkedFolders(full);
            for (var folder = Path.GetDirectoryName(full); folder is not null && folder.Length > root.Length; folder = Path.GetDirectoryName(folder))
            {
                if (File.Exists(folder))
                    throw new LocalConfigException($"cannot write {Shown(full)}: {Shown(folder)} is a file, not a folder; rename or move that file, then sync again; nothing here was changed");
            }
        }
    }

    private void WriteFile(string relative, string? text, string stamp)
    {
        var full = ClaudePath.Under(paths.Folder, relative);
        var target = LocalFile.FinalTarget(full);
        try
        {
            if (File.Exists(target))
                backups.KeepClaudeFile(stamp, relative, File.ReadAllBytes(target));
            if (text is null)
            {
                // A linked file's link goes; what it pointed at is left to its owner.
                File.Delete(full);
                return;
            }
            AtomicFile.WriteKeepingMode(target, Encoding.UTF8.GetBytes(text));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalConfigException($"cannot write {Shown(full)}: {LocalFile.Reason(ex)}", ex);
        }
    }

    // A folder on the way that is a link made after the read would lead the write elsewhere: refused.
    private void RefuseLinkedFolders(string full)
    {
        var root = Path.GetFullPath(paths.Folder);
        for (var folder = Path.GetDirectoryName(full); folder is not null && folder.Length > root.Length; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(folder) && new DirectoryInfo(folder).LinkTarget is not null)
            {
                var kindFolder = Path.GetDirectoryName(folder) == root;
                if (!kindFolder)
                    throw new LocalConfigException($"refused to write under {Shown(folder)}: it is a linked folder inside a Claude Code folder; nothing here was changed");
            }
        }
    }

    private void Patch(string file, List<JsonTextEdit> edits, string stamp)
    {
        if (edits.Count == 0)
            return;
        var target = LocalFile.FinalTarget(file);
        var read = ReadJson(file);
        if (read is { } before)
            backups.KeepClaudeFile(stamp, Path.GetFileName(file), before.Bytes);
        var text = read is { } r ? Encoding.UTF8.GetString(r.Bytes) : "";
        string patched;
        try
        {
            patched = JsonTextPatch.Apply(text, edits);
        }
        catch (DocumentFormatException ex)
        {
            throw new LocalConfigException($"cannot patch {Shown(file)}: {ex.Message}", ex);
        }
        try
        {
            AtomicFile.WriteKeepingMode(target, Encoding.UTF8.GetBytes(patched));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalConfigException($"cannot write {Shown(file)}: {LocalFile.Reason(ex)}", ex);
        }
    }

    private static (JsonObject Root, byte[] Bytes)? ReadJson(string file)
    {
        if (LocalFile.ReadBytes(file, MaxJsonFileBytes) is not { } bytes)
            return null;
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            span = span[3..];
        // Empty is no "no keys": Claude Code may be half-way through writing it, and taking it for empty would
        // send the deletion of every chosen key to every machine.
        if (span.Trim(" \t\r\n"u8).IsEmpty)
            throw new LocalConfigException($"{Shown(file)} is empty (is Claude Code writing it?), so its keys cannot be kept in step; sync again in a moment, or delete the file if it should not be there; nothing was changed");
        try
        {
            if (JsonNode.Parse(span, documentOptions: new JsonDocumentOptions { MaxDepth = 256 }) is JsonObject root)
            {
                Materialize(root);
                return (root, bytes);
            }
        }
        catch (JsonException)
        {
        }
        catch (ArgumentException)
        {
            throw new LocalConfigException($"{Shown(file)} holds the same key twice in one object, so its keys cannot be kept in step; fix it (Claude Code reads it too), then sync again; nothing was changed");
        }
        throw new LocalConfigException($"{Shown(file)} is not a JSON object, so its keys cannot be kept in step; fix it (Claude Code reads it too), then sync again; nothing was changed");
    }

    // A JsonObject builds its dictionary when first looked into, and only then finds a key given twice: look
    // into every object now, while a duplicate can still be refused as the file's fault.
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                    Materialize(value);
                break;
            case JsonArray array:
                foreach (var item in array)
                    Materialize(item);
                break;
        }
    }

    private static string Shown(string path) => TerminalText.Escape(path);
}
