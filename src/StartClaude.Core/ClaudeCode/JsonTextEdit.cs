using System.Text.Json.Nodes;

namespace StartClaude.Core.ClaudeCode;

/// <summary>One change to a JSON object's text: set the value at Path (objects along it created when missing), or remove it.</summary>
public sealed record JsonTextEdit(IReadOnlyList<string> Path, JsonNode? Value, bool Remove = false);
