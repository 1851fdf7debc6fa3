using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Encryption;
using StartClaude.Core.Local;
using StartClaude.Core.Machines;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Machines;

[Command("passphrase", Description = "Change the passphrase a machine joins with: a new passphrase key on the list (new passphrase from a prompt or START_CLAUDE_NEW_PASSPHRASE), the old passphrase opening nothing current; --remove drops it.")]
internal sealed class S3MachinesPassphraseCommand(MachineKeysSettings settingsReader, MachineKeysMembership membership, NewPassphrasePrompt newPassphrase,
    IPassphraseSource passphrases, HomeLock homeLock, ToolConsole console) : CommandBase
{
    [Option("--remove", Description = "Drop the passphrase key: machines then join by approval only (s3-machines add), and KEY.keys.age is deleted.")]
    public bool Remove { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        var settings = settingsReader.Read();
        var replacement = Remove ? PassphraseReplacement.Drop : newPassphrase.Get($"s3://{settings.Bucket}/{settings.Key}", "--remove");
        MachineListChange change;
        using (homeLock.Acquire())
            change = await membership.ReplacePassphraseAsync(settings, replacement, passphrases.WhileDeriving).ConfigureAwait(false);
        console.Plain(PassphraseKeyWords.Describe(change, settings.Key));
        if (PassphraseKeyWords.Unchecked(change, settings.Key) is { } warning)
            console.Warn(warning);
        return 0;
    }
}
