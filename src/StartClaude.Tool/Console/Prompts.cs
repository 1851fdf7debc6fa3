using Spectre.Console;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;

namespace StartClaude.Tool.Console;

/// <summary>
/// The questions a command may ask, answered on a terminal through Spectre.Console. Without a terminal
/// every question fails at once with a usage error naming the flag that answers it.
/// The rules every question follows (PromptRulesTests holds one test per rule):
/// <list type="bullet">
/// <item>Menus use the arrow keys where the terminal can move the cursor, else numbered choices (TERM=dumb).</item>
/// <item>The chosen item is echoed, so the screen keeps a record of the answer.</item>
/// <item>A stored secret is never shown, not even masked: "Enter keeps the stored secret".</item>
/// <item>Surrounding whitespace is trimmed from every answer, secrets included, before it is checked.</item>
/// <item>An answer is checked as it is given, and asked again with the reason until it passes.</item>
/// <item>Text from documents (names, values) is shown with control characters escaped.</item>
/// </list>
/// </summary>
public sealed class Prompts(ToolConsole console)
{
    public bool CanAsk => console.IsInteractive;

    /// <summary>Whether the terminal can redraw a menu in place; TERM=dumb cannot.</summary>
    private bool CanUseArrows => console.Out.Profile.Capabilities.Ansi;

    public T Choose<T>(string title, IReadOnlyList<(T Value, string Label)> choices, string answeringFlag)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(choices);
        RequireTerminal(answeringFlag);
        var shownTitle = Shown(title);
        var chosen = CanUseArrows ? ChooseWithArrows(shownTitle, choices) : ChooseByNumber(shownTitle, choices);
        // The menu is gone once answered: leave the answer on screen.
        console.Out.WriteLine($"{shownTitle} {Shown(chosen.Label)}");
        return chosen.Value;
    }

    private (T Value, string Label) ChooseWithArrows<T>(string title, IReadOnlyList<(T Value, string Label)> choices)
        where T : notnull
    {
        var prompt = new SelectionPrompt<(T Value, string Label)>()
            .Title(Markup.Escape(title))
            .UseConverter(c => Markup.Escape(Shown(c.Label)))
            .AddChoices(choices);
        return console.Out.Prompt(prompt);
    }

    private (T Value, string Label) ChooseByNumber<T>(string title, IReadOnlyList<(T Value, string Label)> choices)
    {
        console.Out.WriteLine(title);
        for (var i = 0; i < choices.Count; i++)
            console.Out.WriteLine($"  {i + 1}) {Shown(choices[i].Label)}");
        var prompt = new TextPrompt<string>(Markup.Escape($"Number (1-{choices.Count}):"))
            .Validate(answer => NumberIn(answer, choices.Count) is null
                ? ValidationResult.Error(Markup.Escape($"type a number from 1 to {choices.Count}"))
                : ValidationResult.Success());
        return choices[NumberIn(console.Out.Prompt(prompt), choices.Count)!.Value - 1];
    }

    private static int? NumberIn(string answer, int count) =>
        int.TryParse(answer.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= count ? n : null;

    /// <summary>Several of <paramref name="choices"/> (none is an answer too); <paramref name="selected"/> start chosen.</summary>
    public IReadOnlyList<T> ChooseMany<T>(string title, IReadOnlyList<(T Value, string Label)> choices, string answeringFlag, IReadOnlySet<T> selected)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(selected);
        RequireTerminal(answeringFlag);
        var shownTitle = Shown(title);
        List<(T Value, string Label)> chosen;
        if (CanUseArrows)
        {
            var prompt = new MultiSelectionPrompt<(T Value, string Label)>()
                .Title(Markup.Escape(shownTitle))
                .NotRequired()
                .InstructionsText(Markup.Escape("(Space to choose, Enter to accept)"))
                .UseConverter(c => Markup.Escape(Shown(c.Label)))
                .AddChoices(choices);
            foreach (var choice in choices.Where(c => selected.Contains(c.Value)))
                prompt.Select(choice);
            chosen = console.Out.Prompt(prompt);
        }
        else
        {
            console.Out.WriteLine(shownTitle);
            for (var i = 0; i < choices.Count; i++)
                console.Out.WriteLine($"  {i + 1}) {Shown(choices[i].Label)}{(selected.Contains(choices[i].Value) ? " (chosen now)" : "")}");
            var now = string.Join(",", choices.Select((c, i) => (c, i)).Where(x => selected.Contains(x.c.Value)).Select(x => x.i + 1));
            var prompt = new TextPrompt<string>(Markup.Escape($"Numbers, comma-separated (Enter keeps {(now.Length == 0 ? "none" : now)}, 0 for none):"))
                .AllowEmpty()
                .Validate(answer => NumbersIn(answer, choices.Count) is null
                    ? ValidationResult.Error(Markup.Escape($"type numbers from 1 to {choices.Count}, separated by commas, or 0"))
                    : ValidationResult.Success());
            var answer = console.Out.Prompt(prompt);
            chosen = answer.Trim().Length == 0
                ? [.. choices.Where(c => selected.Contains(c.Value))]
                : [.. NumbersIn(answer, choices.Count)!.Select(n => choices[n - 1])];
        }
        console.Out.WriteLine($"{shownTitle} {(chosen.Count == 0 ? "none" : string.Join(", ", chosen.Select(c => Shown(c.Label))))}");
        return [.. chosen.Select(c => c.Value)];
    }

    private static List<int>? NumbersIn(string answer, int count)
    {
        if (answer.Trim() == "0")
            return [];
        var numbers = new List<int>();
        foreach (var part in answer.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (NumberIn(part, count) is not { } n)
                return null;
            if (!numbers.Contains(n))
                numbers.Add(n);
        }
        return numbers;
    }

    /// <summary>Like <see cref="Choose{T}"/>, with <paramref name="current"/> listed first (the menu starts on the first item).</summary>
    public T ChooseStartingWith<T>(string title, IReadOnlyList<(T Value, string Label)> choices, string answeringFlag, T? current)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(choices);
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

    /// <summary>A question that needs an answer; Enter keeps <paramref name="current"/> when there is one.</summary>
    /// <param name="check">The reason an answer (already trimmed) is refused, or null.</param>
    public string Ask(string label, string answeringFlag, string? current, Func<string, string?> check, bool secret = false)
    {
        RequireTerminal(answeringFlag);
        return AskText(label, current, check, secret, optional: false);
    }

    /// <summary>A question that may be left empty: Enter keeps <paramref name="current"/> (or leaves it unset, null).</summary>
    public string? AskOptional(string label, string answeringFlag, string? current, Func<string, string?> check, bool secret = false)
    {
        RequireTerminal(answeringFlag);
        var answer = AskText(label, current, check, secret, optional: true);
        return answer.Length == 0 ? null : answer;
    }

    private string AskText(string label, string? current, Func<string, string?> check, bool secret, bool optional)
    {
        var hasCurrent = !string.IsNullOrEmpty(current);
        // The value Enter keeps is shown by us, escaped; a secret's not at all, in any form.
        var offer = !hasCurrent ? (optional ? " (Enter to leave empty)" : "")
            : secret ? " (Enter keeps the stored secret)"
            : $" ({Shown(current!)})";
        var prompt = new TextPrompt<string>(Markup.Escape(Shown(label) + offer + ":")).AllowEmpty();
        if (secret)
            prompt = prompt.Secret();
        string Resolve(string typed) => typed.Trim() is { Length: > 0 } trimmed ? trimmed : current ?? "";
        prompt = prompt.Validate(typed =>
        {
            var answer = Resolve(typed);
            var problem = optional && answer.Length == 0 ? null : check(answer);
            return problem is null ? ValidationResult.Success() : ValidationResult.Error(Markup.Escape(Shown(problem)));
        });
        return Resolve(console.Out.Prompt(prompt));
    }

    public bool Confirm(string question, string answeringFlag, bool defaultValue)
    {
        RequireTerminal(answeringFlag);
        return console.Out.Prompt(new ConfirmationPrompt(Markup.Escape(Shown(question))) { DefaultValue = defaultValue });
    }

    /// <summary>Says why the last answer cannot be used, before its question is asked again.</summary>
    public void Explain(string problem) => console.Out.WriteLine(Shown(problem));

    // Escaped (text from documents), and in ASCII where the terminal's locale is not UTF-8.
    private string Shown(string text) => console.Printable(TerminalText.Escape(text));

    private void RequireTerminal(string answeringFlag)
    {
        if (!console.IsInteractive)
            throw new UsageException($"a decision is needed and there is no terminal to ask: pass {answeringFlag}");
    }
}
