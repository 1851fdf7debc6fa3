using Spectre.Console;
using StartClaude.Core.Errors;

namespace StartClaude.Tool.Console;

/// <summary>
/// The questions a command may ask, answered on a terminal through Spectre.Console. Without a terminal
/// every question fails at once with a usage error naming the flag that answers it.
/// </summary>
public sealed class Prompts(ToolConsole console)
{
    public bool CanAsk => console.IsInteractive;

    public T Choose<T>(string title, IReadOnlyList<(T Value, string Label)> choices, string answeringFlag)
        where T : notnull
    {
        RequireTerminal(answeringFlag);
        var prompt = new SelectionPrompt<(T Value, string Label)>()
            .Title(Markup.Escape(title))
            .UseConverter(c => Markup.Escape(c.Label))
            .AddChoices(choices);
        return console.Out.Prompt(prompt).Value;
    }

    /// <summary>Like <see cref="Choose{T}"/>, with <paramref name="current"/> listed first (Spectre selects the first item).</summary>
    public T ChooseStartingWith<T>(string title, IReadOnlyList<(T Value, string Label)> choices, string answeringFlag, T? current)
        where T : class
    {
        var ordered = choices.ToList();
        var index = current is null ? -1 : ordered.FindIndex(c => ReferenceEquals(c.Value, current));
        if (index > 0)
        {
            var item = ordered[index];
            ordered.RemoveAt(index);
            ordered.Insert(0, item);
        }
        return Choose(title, ordered, answeringFlag);
    }

    public string Ask(string label, string answeringFlag, string? defaultValue, Func<string, string?> check, bool secret = false)
    {
        RequireTerminal(answeringFlag);
        return console.Out.Prompt(TextQuestion(label, defaultValue, check, secret, optional: false));
    }

    /// <summary>A question that may be left empty: Enter keeps <paramref name="current"/> (or leaves it unset).</summary>
    public string? AskOptional(string label, string answeringFlag, string? current, Func<string, string?> check, bool secret = false)
    {
        RequireTerminal(answeringFlag);
        var shown = string.IsNullOrEmpty(current) ? " (Enter to leave empty)" : secret ? " (Enter keeps the stored one)" : "";
        var answer = console.Out.Prompt(TextQuestion(label + shown, current, check, secret, optional: true));
        return answer.Length == 0 ? null : answer;
    }

    private static TextPrompt<string> TextQuestion(string label, string? defaultValue, Func<string, string?> check, bool secret, bool optional)
    {
        // Spectre ends a prompt that shows a default with "(default):" itself.
        var showsDefault = !string.IsNullOrEmpty(defaultValue) && !secret;
        var prompt = new TextPrompt<string>(Markup.Escape(label) + (showsDefault ? "" : ":"));
        if (optional)
            prompt = prompt.AllowEmpty();
        if (secret)
            prompt = prompt.Secret();
        if (!string.IsNullOrEmpty(defaultValue))
        {
            prompt = prompt.DefaultValue(defaultValue);
            // A stored secret is offered, masked; Enter keeps it.
            prompt.ShowDefaultValue = !secret;
        }
        return prompt.Validate(answer =>
        {
            var problem = optional && answer.Length == 0 ? null : check(answer);
            return problem is null ? ValidationResult.Success() : ValidationResult.Error(Markup.Escape(problem));
        });
    }

    public bool Confirm(string question, string answeringFlag, bool defaultValue)
    {
        RequireTerminal(answeringFlag);
        return console.Out.Prompt(new ConfirmationPrompt(Markup.Escape(question)) { DefaultValue = defaultValue });
    }

    private void RequireTerminal(string answeringFlag)
    {
        if (!console.IsInteractive)
            throw new UsageException($"a decision is needed and there is no terminal to ask: pass {answeringFlag}");
    }
}
