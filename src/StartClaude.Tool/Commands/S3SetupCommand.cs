using McMaster.Extensions.CommandLineUtils;
using StartClaude.Abstractions;
using StartClaude.Core.Errors;
using StartClaude.Core.Remote;
using StartClaude.Tool.Commands.Setup;

namespace StartClaude.Tool.Commands;

/// <summary>
/// The setup wizard's flags. Nothing is written until every question is answered and the connection works,
/// so cancelling at any point (Ctrl-C or a cancel choice) leaves config.json exactly as it was; the work is
/// <see cref="SetupWizard"/>'s, the decisions the planner's and <see cref="Core.Setup.SetupRules"/>'.
/// </summary>
[Command("s3-setup", Description = "Set up S3 sync: asks on a terminal, or takes every answer from flags. Tests the connection before saving.")]
internal sealed class S3SetupCommand(SetupWizard wizard, Core.Local.AppEnvironment environment) : CommandBase
{
    [Option("--provider <ID>", Description = "aws-s3, cloudflare-r2, backblaze-b2 or s3-compatible.")]
    public string? Provider { get; set; }

    [Option("--bucket <NAME>", Description = "Bucket name.")]
    public string? Bucket { get; set; }

    [Option("--region <REGION>", Description = "Region (AWS: us-east-1 by default; R2: auto; B2: for example us-west-004).")]
    public string? Region { get; set; }

    [Option("--access-key-id <ID>", Description = "Access key id (R2 token, B2 application key id).")]
    public string? AccessKeyId { get; set; }

    [Option("--secret-access-key <SECRET>", Description = "Secret access key. Prefer the AWS_SECRET_ACCESS_KEY environment variable: it stays out of shell history.")]
    public string? SecretAccessKey { get; set; }

    [Option("--endpoint-url <URL>", Description = "Endpoint URL: required for R2 and S3-compatible services; B2 derives it from the region.")]
    public string? EndpointUrl { get; set; }

    [Option("--key <PATH>", Description = "Object key of the document in the bucket (default start-claude-config.json).")]
    public string? Key { get; set; }

    [Option("-y|--yes", Description = "Replace existing S3 settings without asking.")]
    public bool Yes { get; set; }

    [Option("--encrypt", Description = "Keep the document in the bucket encrypted (age format, passphrase from a prompt or START_CLAUDE_PASSPHRASE): the bucket then holds only ciphertext.")]
    public bool Encrypt { get; set; }

    [Option("--no-encrypt", Description = "Keep the document in the bucket as plain JSON (an encrypted one is re-uploaded in plain form).")]
    public bool NoEncrypt { get; set; }

    [Option("--device-name <NAME>", Description = "This machine's name in the bucket's history (s3-history); default: the host name.")]
    public string? DeviceName { get; set; }

    [Option("--remember-passphrase", Description = "With --encrypt: keep the passphrase in this machine's config.json (mode 0600) so later commands need not ask.")]
    public bool RememberPassphrase { get; set; }

    [Option(SetupQuestions.AcceptRegionFlag, Description = "Accept a --region this version does not list (a region newer than the tool).")]
    public bool AcceptNewRegion { get; set; }

    [Option(ClaudeFilesQuestion.Flag + " <LIST>", Description = "Claude Code items this machine keeps in step, comma-separated: CLAUDE.md, agents, commands, skills, output-styles, mcp-servers, settings:KEY; or none.")]
    public string? ClaudeFiles { get; set; }

    [Option("--machine-keys", Description = "With --encrypt: encrypt the document to this person's machines' keys instead of the passphrase alone; the passphrase is then needed only to join a machine (one scrypt run), never to sync.")]
    public bool MachineKeys { get; set; }

    [Option("--machines-id <ID>", Description = "Join a remote on machine keys without the passphrase, after 'start-claude s3-machines add' on a machine already in printed this id.")]
    public string? MachinesId { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        // Flags that contradict each other are refused before anything is asked or read.
        if (Encrypt && NoEncrypt)
            throw new UsageException("--encrypt and --no-encrypt contradict each other");
        if (RememberPassphrase && NoEncrypt)
            throw new UsageException("--remember-passphrase goes with --encrypt");
        if ((MachineKeys || MachinesId is not null) && NoEncrypt)
            throw new UsageException("--machine-keys and --no-encrypt contradict each other");
        if ((MachineKeys || MachinesId is not null) && RememberPassphrase)
            throw new UsageException("--remember-passphrase does not go with --machine-keys: on machine keys the passphrase is needed only to join a machine");
        if (DeviceName is not null && (DeviceName.Trim().Length is 0 or > WriterLabel.MaxDeviceLength || DeviceName.Any(char.IsControl)))
            throw new UsageException($"--device-name takes a name of 1 to {WriterLabel.MaxDeviceLength} characters without control characters");

        var flags = new SettingsInput(Bucket, Region, AccessKeyId, SecretAccessKey, EndpointUrl, Key);
        var options = new SetupOptions(Provider, flags, Yes, Encrypt ? true : NoEncrypt ? false : null, RememberPassphrase, DeviceName, AcceptNewRegion,
            environment.Get(SetupQuestions.SecretVariable))
        {
            ClaudeKinds = ClaudeFiles is null ? null : Core.ClaudeCode.ClaudeChoice.ParseKinds(ClaudeFiles),
            MachineKeys = MachineKeys,
            MachinesId = MachinesId?.Trim(),
        };
        await wizard.RunAsync(options).ConfigureAwait(false);
        return 0;
    }
}
