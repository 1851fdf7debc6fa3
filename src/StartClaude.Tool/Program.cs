using StartClaude.Core.Local;
using StartClaude.Tool;
using StartClaude.Tool.Console;
using StartClaude.Tool.Diagnostics;

// The one answer that needs nothing else: skip building the services and the command tree.
if (args is ["--version"])
{
    Console.WriteLine(ToolVersion.Text);
    return 0;
}

var exitCode = StartClaudeApp.Run(args, ToolConsole.FromProcess(), AppEnvironment.FromProcess());
if (LoadedAssemblyReport.IsAsked)
    LoadedAssemblyReport.Write();
return exitCode;
