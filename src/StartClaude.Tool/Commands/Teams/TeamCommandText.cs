using System.Text;

namespace StartClaude.Tool.Commands.Teams;

/// <summary>Words the team commands share.</summary>
internal static class TeamCommandText
{
    /// <summary>A member name from the user name: the characters a member name may hold, else "me".</summary>
    public static string DefaultMemberName()
    {
        var name = new StringBuilder();
        foreach (var c in Environment.UserName)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
                name.Append(c);
        }
        var text = name.ToString().TrimStart('.', '_', '-');
        return text.Length is > 0 and <= Core.Teams.TeamNames.MaxLength ? text : "me";
    }
}
