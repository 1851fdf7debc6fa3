using System.Text;
using StartClaude.Core.Documents;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Tests;

public class WriterLabelTests
{
    [Test]
    public void The_label_counts_shared_configs_and_names_the_device_of_the_local_document()
    {
        var written = ConfigDocument.Parse(Encoding.UTF8.GetBytes("""{"configs":[{"name":"a"},{"name":"b","localOnly":true},{"name":"c","isDeleted":true}],"settings":{}}"""), "test");

        var label = WriterLabel.For(written);

        label.Configs.Should().Be(1);
        label.Device.Should().Be(WriterLabel.DefaultDeviceName());
    }

    [Test]
    public void Any_device_name_travels_as_ascii_and_reads_back_the_same()
    {
        var headers = new WriterLabel("bureau de Zoé ✓", 3).Headers();

        headers.Values.Should().AllSatisfy(v => v.Should().MatchRegex("^[\\x21-\\x7e]*$"));
        // Services and the SDK hand metadata back without the x-amz-meta- prefix, in any case.
        var read = WriterLabel.Parse(headers.ToDictionary(p => p.Key["x-amz-meta-".Length..].ToUpperInvariant(), p => p.Value));

        read.Should().Be(("bureau de Zoé ✓", 3));
    }

    [Test]
    public void Hostile_metadata_is_bounded_stripped_of_control_characters_or_ignored()
    {
        var read = WriterLabel.Parse(new Dictionary<string, string>
        {
            [WriterLabel.DeviceHeader] = "evil%1B%5B2J" + new string('x', 5000),
            [WriterLabel.ConfigsHeader] = "-1",
        });

        read.Device.Should().StartWith("evil[2J").And.HaveLength(WriterLabel.MaxDeviceLength);
        read.Configs.Should().BeNull();
        WriterLabel.Parse(new Dictionary<string, string> { [WriterLabel.DeviceHeader] = "%E0%A4%A" }).Device.Should().Be("%E0%A4%A");
        WriterLabel.Parse(null).Should().Be(((string?)null, (int?)null));
    }
}
