using StartClaude.Core.Local;
using StartClaude.Tool;
using StartClaude.Tool.Console;

return await StartClaudeApp.RunAsync(args, ToolConsole.FromProcess(), AppEnvironment.FromProcess()).ConfigureAwait(false);
