using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Encryption;
using StartClaude.Core.Machines;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Machines;

[Command("s3-machines", Description = "The machines a remote on machine keys is encrypted to (s3-setup --encrypt --machine-keys): names, keys' fingerprints, last writes.")]
[Subcommand(typeof(S3MachinesKeyCommand), typeof(S3MachinesAddCommand), typeof(S3MachinesRemoveCommand), typeof(S3MachinesPassphraseCommand))]
internal sealed class S3MachinesCommand(MachineKeysSettings settingsReader, MachineSeals seals, RemoteStoreFactory remotes, MachineIdentityStore identities, ISyncStateStore states, ToolConsole console) : JsonCommandBase
{
    public async Task<int> OnExecuteAsync()
    {
        var settings = settingsReader.Read();
        var seal = seals.Open(settings);
        // One conditional read: the list as the bucket holds it now, verified like any document (a 304 keeps the one known).
        var syncBase = states.ReadBaseChecked(settings).Base;
        _ = await RemoteSnapshot.ReadAsync(remotes.Create(settings), DocumentCodec.Sealed(seal), syncBase).ConfigureAwait(false);
        var state = seal.State;
        var head = state.KnownMembers.Head;
        var me = identities.Existing()?.Recipient.Fingerprint;
        if (Json)
        {
            var json = JsonOutput.Result("s3-machines");
            json["bucket"] = settings.Bucket;
            json["key"] = settings.Key;
            json["id"] = state.TeamId;
            json["version"] = head.Seq;
            json["machines"] = MemberListJson.Of(state, me, (m, node) => node["passphraseKey"] = m.Name == MachineKeys.PassphraseMember);
            console.WriteJson(json);
            return 0;
        }
        console.Plain($"Machines of s3://{settings.Bucket}/{settings.Key} (list id {state.TeamId}, version {head.Seq}):");
        foreach (var machine in head.Members)
        {
            var lastWrite = state.Writes.TryGetValue(machine.Key.Fingerprint, out var at) ? Times.Describe(at) : "never";
            var note = machine.Key.Fingerprint == me ? "  (this machine)" : machine.Name == MachineKeys.PassphraseMember ? "  (the passphrase's key)" : "";
            console.Plain($"  {TerminalTextOf(machine.Name),-20} {machine.Key.Fingerprint,-28} last write: {lastWrite}{note}");
        }
        console.Plain("Add one: start-claude s3-machines add NAME --key KEY (it prints KEY with start-claude s3-machines key); remove one: start-claude s3-machines remove NAME; change the passphrase: start-claude s3-machines passphrase");
        return 0;
    }

    private static string TerminalTextOf(string text) => Core.Documents.TerminalText.Bounded(text);
}
