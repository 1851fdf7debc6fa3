using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Machines;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Machines;

[Command("remove", Description = "Remove a machine from the list: the current document re-encrypted without its key, and the passphrase key replaced (new passphrase from a prompt or START_CLAUDE_NEW_PASSPHRASE), since the removed machine may know the passphrase.")]
internal sealed class S3MachinesRemoveCommand(MachineKeysSettings settingsReader, MachineSeals seals, MachineKeysMembership membership, NewPassphrasePrompt newPassphrase,
    IPassphraseSource passphrases, HomeLock homeLock, ToolConsole console) : CommandBase
{
    [Argument(0, "name", Description = "The machine's name on the list (start-claude s3-machines lists them).")]
    [Required(ErrorMessage = "name the machine: start-claude s3-machines remove NAME")]
    public string Name { get; set; } = "";

    [Option("--no-passphrase", Description = "Drop the passphrase key instead of replacing it: from then on machines join by approval only (s3-machines add), and KEY.keys.age is deleted.")]
    public bool NoPassphrase { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        var settings = settingsReader.Read();
        var remoteName = $"s3://{settings.Bucket}/{settings.Key}";
        Func<PassphraseReplacement> replacement = NoPassphrase ? () => PassphraseReplacement.Drop : () => newPassphrase.Get(remoteName, "--no-passphrase");
        // Nothing can answer without a terminal: stop before the bucket is read. Otherwise the question comes once the
        // bucket's list shows a passphrase key to replace and a machine of that name, before any write.
        if (!NoPassphrase && HoldsPassphraseKey(settings))
            newPassphrase.RequireAnswer("--no-passphrase");
        MachineListChange change;
        using (homeLock.Acquire())
            change = await membership.RemoveAsync(settings, Name, replacement, passphrases.WhileDeriving).ConfigureAwait(false);
        console.Plain($"Removed {Core.Documents.TerminalText.Bounded(Name)}: the remote document is now encrypted to {change.After.Members.Count} key{(change.After.Members.Count == 1 ? "" : "s")}, and that machine cannot open what is written from now on.");
        console.Plain(PassphraseKeyWords.Describe(change, settings.Key));
        if (PassphraseKeyWords.Unchecked(change, settings.Key) is { } warning)
            console.Warn(warning);
        console.Plain("Versions written before stay readable to it where the bucket keeps versions (s3-history); rotate any API key it should no longer have.");
        return 0;
    }

    // The list this machine last verified; the bucket's may differ, and then the change itself asks for what is missing.
    private bool HoldsPassphraseKey(Abstractions.S3SyncSettings settings)
    {
        try
        {
            return seals.Open(settings).State.KnownMembers.Head.Named(MachineKeys.PassphraseMember) is not null;
        }
        catch (StartClaudeException)
        {
            return false;
        }
    }
}
