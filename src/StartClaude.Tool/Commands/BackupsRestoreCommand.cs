using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("restore", Description = "Put a backup back as config.json; the current file is kept as a backup first.")]
internal sealed class BackupsRestoreCommand(BackupStore backups, LocalConfigStore localStore, HomeLock homeLock, ToolConsole console) : CommandBase
{
    [Argument(0, "id", Description = "A backup id from 'start-claude backups', or 'latest'.")]
    [Required(ErrorMessage = "name the backup to restore: an id from 'start-claude backups', or latest")]
    public string Id { get; set; } = "";

    public int OnExecute()
    {
        using var _ = homeLock.Acquire();
        var backup = backups.Find(Id) ?? throw new UsageException($"there is no backup '{Id}'; 'start-claude backups' lists them");
        var restored = localStore.Restore(backup);
        console.Plain($"Restored backup {backup.Id} ({Counts.Configs(restored.LiveConfigs.Count)}) to {localStore.ConfigPath}; the replaced file is the newest backup.");
        return 0;
    }
}
