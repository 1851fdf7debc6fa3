using System.Text.Json.Nodes;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Diagnostics;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("doctor", Description = "Check this machine's setup and the S3 service: what works, what does not, and how to fix it. Exit 0 when healthy, 1 when a problem was found.")]
internal sealed class DoctorCommand(HealthChecks checks, ToolConsole console) : JsonCommandBase
{
    public async Task<int> OnExecuteAsync()
    {
        var results = await checks.RunAsync().ConfigureAwait(false);
        foreach (var result in results)
        {
            console.Plain($"{Label(result.Status),-7} {result.What}: {result.Result}");
            if (result.Fix is not null && result.Status is CheckStatus.Problem or CheckStatus.Warning)
                console.Plain($"        fix: {result.Fix}");
        }
        var problems = results.Count(r => r.Status == CheckStatus.Problem);
        var warnings = results.Count(r => r.Status == CheckStatus.Warning);
        console.Plain(problems == 0
            ? $"Healthy{(warnings > 0 ? $", with {Counts.Of(warnings, "warning")}" : "")}."
            : $"{Counts.Of(problems, "problem")} found{(warnings > 0 ? $", {Counts.Of(warnings, "warning")}" : "")}.");
        if (Json)
        {
            var json = JsonOutput.Result("doctor");
            json["healthy"] = problems == 0;
            json["checks"] = new JsonArray([.. results.Select(r => (JsonNode?)new JsonObject
            {
                ["id"] = r.Id,
                ["what"] = r.What,
                ["status"] = Label(r.Status).ToLowerInvariant(),
                ["result"] = r.Result,
                ["fix"] = r.Fix,
            })]);
            console.WriteJson(json);
        }
        return problems == 0 ? 0 : 1;
    }

    private static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.Warning => "warning",
        CheckStatus.Problem => "problem",
        _ => "skipped",
    };
}
