using StartClaude.Core.Remote;

namespace StartClaude.Core.Tests;

public class ConditionalWriteProbeTests
{
    private static S3Answer Answer(int status) => new(new S3Exchange("PUT", "/b/k", status, "\"e\"", null, null, TimeSpan.Zero));

    private static async Task<(bool? Supported, Exception? Failure, List<string> Keys)> ProbeAsync(params int[] statuses)
    {
        var keys = new List<string>();
        var queue = new Queue<int>(statuses);
        var probe = new ConditionalWriteProbe((key, condition, _) =>
        {
            condition.Should().BeOfType<WriteCondition.MustNotExist>();
            keys.Add(key);
            return Task.FromResult(Answer(queue.Dequeue()));
        });
        try
        {
            return (await probe.SupportsConditionalWritesAsync("team/cfg.json", CancellationToken.None), null, keys);
        }
        catch (S3AnswerException ex)
        {
            return (null, ex, keys);
        }
    }

    [Test]
    public async Task A_refused_second_create_means_supported()
    {
        var (supported, _, keys) = await ProbeAsync(200, 412);
        supported.Should().BeTrue();
        keys.Should().Equal("team/cfg.json.start-claude-probe", "team/cfg.json.start-claude-probe");
    }

    [Test]
    public async Task An_existing_probe_object_answers_in_one_request() =>
        (await ProbeAsync(412)).Keys.Should().HaveCount(1);

    [Test]
    public async Task Two_accepted_creates_mean_the_condition_is_ignored() =>
        (await ProbeAsync(200, 200)).Supported.Should().BeFalse();

    [Test]
    public async Task A_501_means_not_supported() =>
        (await ProbeAsync(501)).Supported.Should().BeFalse();

    [TestCase(403)]
    [TestCase(500)]
    [TestCase(400)]
    [TestCase(307)]
    public async Task Any_other_answer_decides_nothing(int status)
    {
        var (supported, failure, _) = await ProbeAsync(status);
        supported.Should().BeNull();
        failure.Should().BeOfType<S3AnswerException>().Which.Answer.Status.Should().Be(status);
    }

    [Test]
    public void The_probe_key_stays_a_valid_key_beside_a_long_document_key()
    {
        var key = "folder/" + new string('k', 1010);

        var probeKey = ConditionalWriteProbe.KeyFor(key);

        System.Text.Encoding.UTF8.GetByteCount(probeKey).Should().BeLessThanOrEqualTo(1024);
        probeKey.Should().Be("folder/start-claude.start-claude-probe");
    }
}
