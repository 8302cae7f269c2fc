using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Input.ViewPoint.Api;
using Uplink.Input.ViewPoint.Images;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Setup;

namespace Uplink.Input.ViewPoint;

/// <summary>
/// The ViewPoint input: the local HTTP API GE ViewPoint calls to share an exam, and the image source
/// that resolves its image ids in ViewPoint's image store. Its settings are judged when it is configured, so a
/// wrong one refuses the plugin with one line; setup seals its API key (generating one when none is given).
/// </summary>
internal sealed class ViewPointPlugin : IUplinkPlugin, IPluginSetup
{
    /// <summary>The environment variable an unattended install passes the API key in.</summary>
    public const string ApiKeyVariable = "UPLINK_VIEWPOINT_API_KEY";

    /// <inheritdoc />
    public IReadOnlyList<SetupSetting> Settings { get; } =
    [
        SetupSetting.Plain(nameof(ViewPointOptions.ImageRoot), "ViewPoint's image store (the folder its image ids resolve in)", ViewPointSettingRules.ImageRootProblem),
        SetupSetting.Plain(nameof(ViewPointOptions.Listen), "Where the ViewPoint API listens (http://127.0.0.1:8640 by default)", listen => ViewPointSettingRules.ListenProblem(new ViewPointOptions { Listen = listen })) with { IsRequired = false },
        SetupSetting.Sealed(nameof(ViewPointOptions.ApiKey), "The key ViewPoint presents as 'Authorization: Bearer KEY' (enter the same in ViewPoint)", ApiKeyVariable,
            key => key.Length >= ViewPointSettingRules.MinimumKeyLength ? null : $"ApiKey must be at least {ViewPointSettingRules.MinimumKeyLength} characters") with { IsGenerated = true },
    ];

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = Bind(context.Settings);
        if (ViewPointSettingRules.Problem(options) is { } problem)
        {
            throw new ValidationException(problem);
        }

        services.AddSingleton(options);
        services.AddSingleton(context.Time);
        services.AddSingleton(new ViewPointIdentity(context.PluginId));
        services.AddSingleton<IImageSource, FolderImageSource>();
        services.AddSingleton<ViewPointInput>();
        services.AddSingleton<IInputPlugin>(sp => sp.GetRequiredService<ViewPointInput>());
    }

    /// <inheritdoc />
    public Task<SetupCheck> CheckAsync(IPluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = Bind(context.Settings);
        var check = ViewPointSettingRules.Problem(options) is { } problem ? SetupCheck.Failed(problem)
            : !Directory.Exists(options.ImageRoot) ? SetupCheck.Failed($"ViewPoint's image store {options.ImageRoot} does not exist or cannot be read by this account.")
            : SetupCheck.Ok($"ViewPoint's image store {options.ImageRoot} is readable; the API listens on {options.Listen} with a key set.");
        return Task.FromResult(check);
    }

    private static ViewPointOptions Bind(IConfiguration settings)
    {
        var options = new ViewPointOptions();
        settings.Bind(options);
        return options;
    }
}
