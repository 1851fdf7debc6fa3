using StartClaude.Abstractions;

namespace StartClaude.Providers.BackblazeB2;

/// <summary>
/// Backblaze B2's S3 regions, as they appear in its endpoints (s3.REGION.backblazeb2.com), November 2026.
/// A newer one can still be accepted on purpose; add it here.
/// </summary>
public static class BackblazeB2Regions
{
    public static KnownRegions Known { get; } = new("Backblaze B2",
        ["us-west-000", "us-west-001", "us-west-002", "us-west-004", "eu-central-003", "us-east-005", "ca-east-006"]);
}
