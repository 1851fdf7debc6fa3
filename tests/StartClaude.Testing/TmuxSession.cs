using System.Diagnostics;

namespace StartClaude.Testing;

/// <summary>A program in a real terminal (tmux): keys are typed with send-keys, the screen read with capture-pane.</summary>
public sealed class TmuxSession : IDisposable
{
    private readonly string _name = "sc-" + Guid.NewGuid().ToString("N")[..10];

    public TmuxSession(string command, IReadOnlyDictionary<string, string> environment, int width = 160)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var exports = string.Join(' ', environment.Select(e => $"{e.Key}='{e.Value}'"));
        // Keep the pane open after the program ends so its last screen and exit code can be read.
        // The caller's AWS variables would answer questions the person is meant to be asked.
        Tmux("new-session", "-d", "-s", _name, "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", "50",
            // The shell traps Ctrl-C (a handler, not "ignore", which the program would inherit) so that it
            // outlives an interrupted program and reports its status.
            $"trap 'true' INT; env -u AWS_SECRET_ACCESS_KEY -u AWS_ACCESS_KEY_ID -u AWS_PROFILE {exports} {command}; echo \"[exit $?]\"; sleep 600");
    }

    public static bool Available => ExecutableSearch.OnPath("tmux") is not null;

    public void SendKeys(params string[] keys) => Tmux(["send-keys", "-t", _name, .. keys]);

    /// <summary>Types <paramref name="text"/> literally, then Enter.</summary>
    public void TypeLine(string text)
    {
        if (text.Length > 0)
            Tmux("send-keys", "-t", _name, "-l", text);
        Tmux("send-keys", "-t", _name, "Enter");
    }

    /// <summary>Whether the terminal shows its cursor (tmux's cursor_flag: a program hid it and did not show it again).</summary>
    public bool CursorVisible => Tmux("display-message", "-p", "-t", _name, "#{cursor_flag}").Trim() == "1";

    /// <summary>The window title programs set with an escape sequence.</summary>
    public string PaneTitle => Tmux("display-message", "-p", "-t", _name, "#{pane_title}").Trim();

    public string Screen() => Tmux("capture-pane", "-p", "-t", _name, "-S", "-200");

    public async Task<string> WaitForAsync(string text, TimeSpan? limit = null)
    {
        var screen = "";
        await WaitUntilAsync(() => (screen = Screen()).Contains(text, StringComparison.Ordinal), $"'{text}' to appear on the screen", limit).ConfigureAwait(false);
        return screen;
    }

    /// <summary>
    /// Polls the terminal until <paramref name="condition"/> holds: the way to wait for what a program
    /// shows (screen text, the cursor, a spinner's next frame) instead of sleeping and hoping it is there.
    /// </summary>
    /// <exception cref="TimeoutException">It did not hold within the limit (30 s by default); the message holds the screen.</exception>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"waited in vain for {what}:\n{Screen()}");
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private static string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {error}");
        return output;
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-session", "-t", _name);
        }
        catch (InvalidOperationException)
        {
        }
    }
}
