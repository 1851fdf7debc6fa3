using StartClaude.Core.Remote;

namespace StartClaude.Core.Tests;

public class BoundedReadStreamTests
{
    [Test]
    public async Task A_body_of_exactly_the_limit_reads_whole()
    {
        using var stream = new BoundedReadStream(new MemoryStream(new byte[100]), 100);
        using var target = new MemoryStream();

        await stream.CopyToAsync(target);

        target.Length.Should().Be(100);
    }

    [Test]
    public async Task One_byte_more_is_refused_without_reading_the_rest()
    {
        var source = new MemoryStream(new byte[10_000]);
        using var stream = new BoundedReadStream(source, 100);

        await FluentActions.Awaiting(() => stream.CopyToAsync(Stream.Null)).Should().ThrowAsync<ResponseTooLargeException>();
        source.Position.Should().BeLessThanOrEqualTo(101);
    }
}
