using StartClaude.Core.Local;
using StartClaude.Core.Teams;

namespace StartClaude.Tool.Commands.Teams;

/// <summary>Claims a team's folders and MCP names on this machine as a member of it (create, join), before anything is taken.</summary>
internal static class TeamNamespaceClaim
{
    public static void Write(LocalConfigStore localStore, string team)
    {
        if (localStore.Read() is not { } local)
            return;
        var claimed = TeamClaudeItems.Claim(local, team);
        // Written only when it changed: an unchanged config.json needs no backup.
        if (!ReferenceEquals(claimed, local))
            localStore.Write(claimed);
    }
}
