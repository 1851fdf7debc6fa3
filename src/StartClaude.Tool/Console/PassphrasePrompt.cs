using Spectre.Console;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;

namespace StartClaude.Tool.Console;

/// <summary>
/// The passphrase of an encrypted remote document: <c>START_CLAUDE_PASSPHRASE</c> for scripts, else the
/// one this machine remembers (only when the person chose that), else a masked question on a terminal.
/// </summary>
internal sealed class PassphrasePrompt(AppEnvironment environment, Prompts prompts, ToolConsole console) : IPassphraseSource
{
    public const string Variable = "START_CLAUDE_PASSPHRASE";

    /// <summary>How often a person may retry a passphrase (a mismatch, or one that does not open the document).</summary>
    public const int Tries = 3;

    public string Get(string remoteName, string? remembered, bool isNew)
    {
        if (environment.Get(Variable) is { } fromEnvironment)
            return fromEnvironment;
        if (!isNew && remembered is not null)
            return remembered;
        if (!prompts.CanAsk)
            throw new UsageException($"the remote document is encrypted and there is no terminal to ask for its passphrase: set {Variable}");

        for (var attempt = 1; ; attempt++)
        {
            var passphrase = Ask(remoteName);
            if (!isNew)
                return passphrase;
            var again = prompts.Ask("The same passphrase again", Variable, null, _ => null, secret: true);
            if (again == passphrase)
                return passphrase;
            if (attempt == Tries)
                throw new UsageException($"the two passphrases differed {Tries} times; nothing was changed");
            prompts.Explain("The two passphrases differ; type it twice again.");
        }
    }

    // Only a typed passphrase is asked again: a script that set the variable, or a remembered one, cannot type another.
    public string? AskAgain(string remoteName, string? remembered, int attempt)
    {
        if (attempt >= Tries || environment.Get(Variable) is not null || remembered is not null || !prompts.CanAsk)
            return null;
        prompts.Explain($"That passphrase does not open {remoteName}; try again ({attempt + 1} of {Tries}).");
        return Ask(remoteName);
    }

    // scrypt takes seconds on purpose: on a terminal a spinner says work goes on; into a pipe or a file, nothing.
    public byte[] WhileDeriving(Func<byte[]> derive)
    {
        ArgumentNullException.ThrowIfNull(derive);
        if (!(console.IsInteractive && console.OutputIsTerminal && console.Out.Profile.Capabilities.Ansi))
            return derive();
        using var spinning = CancelKeyCleanup.WhileSpinning();
        return console.Out.Status().Spinner(Spinner.Known.Dots).Start("Deriving the key from the passphrase (this takes a few seconds)...", _ => derive());
    }

    private string Ask(string remoteName) =>
        prompts.Ask($"Passphrase for {remoteName}", Variable, null, text => text.Length == 0 ? "the passphrase cannot be empty" : null, secret: true);
}
