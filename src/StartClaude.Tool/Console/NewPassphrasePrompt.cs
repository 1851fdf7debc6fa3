using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Machines;

namespace StartClaude.Tool.Console;

/// <summary>
/// The new passphrase when the passphrase key of a remote on machine keys is replaced: <c>START_CLAUDE_NEW_PASSPHRASE</c>
/// for scripts, else asked twice, hidden, on a terminal. Without either the command stops before it reads or writes.
/// </summary>
internal sealed class NewPassphrasePrompt(AppEnvironment environment, Prompts prompts)
{
    public const string Variable = "START_CLAUDE_NEW_PASSPHRASE";

    /// <summary>Stops when neither the variable nor a terminal can give the new passphrase.</summary>
    /// <exception cref="UsageException">Neither can; names both ways out.</exception>
    public void RequireAnswer(string dropFlag)
    {
        if (environment.Get(Variable) is null && !prompts.CanAsk)
            throw new UsageException($"the passphrase key is replaced, so a new passphrase is needed and there is no terminal to ask for it: set {Variable}, or give {dropFlag} (machines then join by approval only); nothing was changed");
    }

    /// <param name="dropFlag">The flag that drops the passphrase key instead, named when nothing can answer.</param>
    public PassphraseReplacement Get(string remoteName, string dropFlag)
    {
        if (environment.Get(Variable) is { } fromEnvironment)
            return PassphraseReplacement.With(fromEnvironment.Trim().Length > 0 ? fromEnvironment : throw new UsageException($"{Variable} holds only spaces; nothing was changed"));
        RequireAnswer(dropFlag);
        for (var attempt = 1; ; attempt++)
        {
            var passphrase = prompts.Ask($"New passphrase for {remoteName}", Variable, null,
                text => text.Length == 0 ? "the passphrase cannot be empty" : null, secret: true);
            var again = prompts.Ask("The same new passphrase again", Variable, null, _ => null, secret: true);
            if (again == passphrase)
                return PassphraseReplacement.With(passphrase);
            if (attempt == PassphrasePrompt.Tries)
                throw new UsageException($"the two passphrases differed {PassphrasePrompt.Tries} times; nothing was changed");
            prompts.Explain("The two passphrases differ; type it twice again.");
        }
    }
}
