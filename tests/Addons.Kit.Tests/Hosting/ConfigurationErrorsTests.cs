using Addons.Kit.Health;
using Addons.Kit.Hosting;
using Microsoft.Extensions.Options;

namespace Addons.Kit.Tests.Hosting;

public sealed class ConfigurationErrorsTests
{
    [Fact]
    public void TryFormat_ValidationFailure_OneLineNamingSettingAndAcceptedValues()
    {
        var failure = new HealthOptionsValidator().Validate(null, new HealthOptions { Port = 70000 });
        var exception = new OptionsValidationException(string.Empty, typeof(HealthOptions), failure.Failures);

        var line = ConfigurationErrors.TryFormat(exception, new Dictionary<Type, string>());

        Assert.Equal("configuration error: Health:Port: accepted values: an integer from 0 to 65535 (0 = off)", line);
    }

    [Fact]
    public void TryFormat_ConversionFailure_NamesKeyAndType()
    {
        var exception = new InvalidOperationException("Failed to convert configuration value at 'Shutdown:Timeout' to type 'System.TimeSpan'.");

        var line = ConfigurationErrors.TryFormat(exception, new Dictionary<Type, string>());

        Assert.Equal("configuration error: Shutdown:Timeout: accepted values: a duration such as 00:00:30", line);
    }

    [Fact]
    public void TryFormat_SeveralFailures_StillOneLine()
    {
        var a = new OptionsValidationException(string.Empty, typeof(HealthOptions), ["Port: bad"]);
        var b = new OptionsValidationException(string.Empty, typeof(string), ["Level: bad"]);

        var line = ConfigurationErrors.TryFormat(new AggregateException(a, b), new Dictionary<Type, string> { [typeof(string)] = "Logging" });

        Assert.Equal("configuration error: Health:Port: bad; Logging:Level: bad", line);
        Assert.DoesNotContain('\n', line!);
    }

    [Fact]
    public void TryFormat_OtherException_Null()
    {
        Assert.Null(ConfigurationErrors.TryFormat(new InvalidOperationException("other"), new Dictionary<Type, string>()));
    }
}
