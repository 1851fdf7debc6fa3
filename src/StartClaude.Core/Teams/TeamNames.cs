using System.Text.RegularExpressions;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;

namespace StartClaude.Core.Teams;

/// <summary>
/// The names a team and its members may have: they appear in object keys, in config names
/// (<c>TEAM/CONFIG</c>) and in the signed member list, one per line, so they are kept plain.
/// </summary>
public static partial class TeamNames
{
    public const int MaxLength = 40;

    // Not ending in '.': Windows drops a trailing dot from a folder's name, so agents/acme./ would be agents/acme/.
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9._-]*[a-z0-9_-])?$")]
    private static partial Regex TeamPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]*$")]
    private static partial Regex MemberPattern();

    /// <summary>Why <paramref name="name"/> cannot name a team, or null.</summary>
    public static string? TeamProblem(string? name) =>
        string.IsNullOrEmpty(name) ? "a team name cannot be empty"
        : name.Length > MaxLength ? $"a team name is at most {MaxLength} characters"
        : !TeamPattern().IsMatch(name) ? $"'{TerminalText.Bounded(name)}' cannot name a team: use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit and not ending with '.'"
        : null;

    /// <summary>Why <paramref name="name"/> cannot name a member, or null.</summary>
    public static string? MemberProblem(string? name) =>
        string.IsNullOrEmpty(name) ? "a member name cannot be empty"
        : name.Length > MaxLength ? $"a member name is at most {MaxLength} characters"
        : !MemberPattern().IsMatch(name) ? $"'{TerminalText.Bounded(name)}' cannot name a member: use letters, digits, '.', '_', '@' and '-', starting with a letter or digit"
        : null;

    /// <exception cref="UsageException">Not a team name.</exception>
    public static string CheckTeam(string? name) => TeamProblem(name) is { } problem ? throw new UsageException(problem) : name!;

    /// <exception cref="UsageException">Not a member name.</exception>
    public static string CheckMember(string? name) => MemberProblem(name) is { } problem ? throw new UsageException(problem) : name!;

    /// <summary>The object key of a team's document, beside the personal one in the same bucket.</summary>
    public static string DocumentKey(string team) => $"teams/{team}/team.age";

    /// <summary>A team config's name on a member's machine: the team's name, a slash, the config's name in the team.</summary>
    public static string LocalConfigName(string team, string name) => $"{team}/{name}";
}
