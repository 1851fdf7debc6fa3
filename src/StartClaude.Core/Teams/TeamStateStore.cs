using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;

namespace StartClaude.Core.Teams;

/// <summary>The teams this machine belongs to: one file per team in <c>~/.start-claude/teams/</c> (0600).</summary>
public sealed class TeamStateStore(AppEnvironment environment)
{
    /// <summary>A team file is small (a member list of at most 256 versions of 100 members); more is not one.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Folder => Path.Combine(environment.StartClaudeHome, "teams");

    public string PathOf(string team) => Path.Combine(Folder, team + ".json");

    /// <summary>The team's state, or null when this machine has not joined it.</summary>
    /// <exception cref="TeamException">The file is there but cannot be read as one.</exception>
    public TeamState? Read(string team)
    {
        TeamNames.CheckTeam(team);
        var path = PathOf(team);
        // Bounded, and never a FIFO or a folder taken for the file: the one reader of small local files.
        if (LocalFile.ReadBytes(path, MaxFileBytes) is not { } bytes)
            return null;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            throw new TeamException($"{path} is not valid JSON; remove it and join the team again (start-claude team join {team} --id ID)");
        }
        return TeamState.FromJson(node, team, path);
    }

    /// <summary>Every team this machine has joined, by name.</summary>
    public IReadOnlyList<string> Names() =>
        Directory.Exists(Folder)
            ? [.. Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>()
                .Where(n => TeamNames.TeamProblem(n) is null).Order(StringComparer.Ordinal)]
            : [];

    public void Write(TeamState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        AtomicFile.EnsurePrivateFolder(environment.StartClaudeHome);
        AtomicFile.EnsurePrivateFolder(Folder);
        AtomicFile.Write(PathOf(state.Name), JsonSerializer.SerializeToUtf8Bytes(state.ToJson(), Indented));
    }

    public void Remove(string team)
    {
        var path = PathOf(TeamNames.CheckTeam(team));
        if (File.Exists(path))
            File.Delete(path);
    }
}
