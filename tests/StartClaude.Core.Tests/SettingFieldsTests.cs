using StartClaude.Abstractions;
using StartClaude.Core.Providers;

namespace StartClaude.Core.Tests;

public class SettingFieldsTests
{
    [Test]
    public void The_list_holds_every_setting_field_in_declaration_order() =>
        SettingFields.All.Should().Equal(Enum.GetValues<SettingField>(), "a field added to the enum must be read and written with the others");
}
