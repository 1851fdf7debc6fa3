using Spectre.Console;
using StartClaude.Abstractions;
using StartClaude.Core.Remote;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Setup;

/// <summary>Setup's connection test: reaches the bucket and reads the document if there is one, with a spinner on a terminal.</summary>
internal sealed class SetupConnection(ToolConsole console)
{
    public async Task<RemoteObject?> TestAsync(IStorageProvider provider, RemoteDocumentStore store)
    {
        var what = $"Testing the connection to {provider.DisplayName}, bucket '{store.Settings.Bucket}'...";
        async Task<RemoteObject?> Test()
        {
            var info = await store.ProbeAsync().ConfigureAwait(false);
            return info is null ? null : await store.ReadAsync().ConfigureAwait(false);
        }

        RemoteObject? remote;
        if (console.IsInteractive && console.Out.Profile.Capabilities.Ansi)
        {
            using var spinning = CancelKeyCleanup.WhileSpinning();
            remote = await console.Out.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(what), _ => Test()).ConfigureAwait(false);
        }
        else
        {
            console.Plain(what);
            remote = await Test().ConfigureAwait(false);
        }
        console.Plain("Connection OK.");
        return remote;
    }
}
