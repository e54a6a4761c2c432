using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Configuration;

/// <summary>Binds an options section, validates it at start-up and makes the validated object injectable.</summary>
public static class OptionsRegistration
{
    public static IServiceCollection AddValidatedOptions<TOptions>(
        this IServiceCollection services,
        IConfiguration configuration,
        string sectionName,
        Func<IServiceProvider, TOptions, IEnumerable<string>>? rules = null)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(sectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(sp =>
            new AnnotatedOptionsValidator<TOptions>(sectionName, rules is null ? null : o => rules(sp, o)));
        return services;
    }
}
