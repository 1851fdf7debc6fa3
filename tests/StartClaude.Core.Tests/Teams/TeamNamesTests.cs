using FluentAssertions;
using NUnit.Framework;
using StartClaude.Core.Teams;

namespace StartClaude.Core.Tests.Teams;

/// <summary>Team names appear in object keys, config names and folder names on every member's machine.</summary>
public class TeamNamesTests
{
    [TestCase("acme")]
    [TestCase("a")]
    [TestCase("acme.dev")]
    [TestCase("acme_dev-2")]
    public void A_plain_name_is_a_team_name(string name) => TeamNames.TeamProblem(name).Should().BeNull();

    [TestCase("acme.", "not ending with '.'")]
    [TestCase("Acme", "lower-case")]
    [TestCase(".acme", "starting with a letter or digit")]
    [TestCase("ac/me", "lower-case")]
    [TestCase("", "cannot be empty")]
    public void A_name_that_could_be_another_folder_or_key_is_refused(string name, string why) =>
        TeamNames.TeamProblem(name).Should().Contain(why);
}
