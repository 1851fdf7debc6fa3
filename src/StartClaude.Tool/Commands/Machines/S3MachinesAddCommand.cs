using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Machines;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Machines;

[Command("add", Description = "Approve a machine: add its key to the list (one conditional write re-encrypting the document) and print what it runs to join, without the passphrase.")]
internal sealed class S3MachinesAddCommand(MachineKeysSettings settingsReader, MachineKeysMembership membership, HomeLock homeLock, ToolConsole console) : CommandBase
{
    [Argument(0, "name", Description = "The machine's name on the list.")]
    [Required(ErrorMessage = "name the machine: start-claude s3-machines add NAME --key KEY")]
    public string Name { get; set; } = "";

    [Option("--key <KEY>", Description = "The machine's public key, as 'start-claude s3-machines key' printed it there (age1…).")]
    [Required(ErrorMessage = "--key is required: the new machine's public key (it prints it with start-claude s3-machines key)")]
    public string Key { get; set; } = "";

    public async Task<int> OnExecuteAsync()
    {
        var name = TeamNames.CheckMember(Name);
        if (!AgeRecipient.TryParse(Key, out var key))
            throw new UsageException("--key is not a public key: give the age1… line 'start-claude s3-machines key' printed on the new machine");
        var settings = settingsReader.Read();
        MachineListChange change;
        using (homeLock.Acquire())
            change = await membership.AddAsync(settings, new TeamMember(name, key, Admin: true)).ConfigureAwait(false);
        console.Plain($"Added {name} ({key.Fingerprint}): the remote document is now encrypted to {change.After.Members.Count} key{(change.After.Members.Count == 1 ? "" : "s")}.");
        var endpoint = settings.EndpointUrl is { Length: > 0 } url ? $" --endpoint-url {url}" : "";
        var region = settings.Region is { Length: > 0 } r ? $" --region {r}" : "";
        console.Plain($"{name} joins with (its own access key as flags or AWS_* variables): start-claude s3-setup --provider {settings.ProviderId} --bucket {settings.Bucket}{region}{endpoint} --key {settings.Key} --encrypt --machine-keys --machines-id {change.ListId}");
        return 0;
    }
}
