using Eddy.Server;
using Eddy.Server.ScaleOut;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Eddy.Redis;

/// <summary>Plugs the Redis scale-out into the server: <c>EddyServer.Create(args, EddyRedis.Configure)</c>.</summary>
public static class EddyRedis
{
    /// <summary>
    /// Registers the scale-out when <c>Eddy:Redis:Configuration</c> is set: the serving side for the roles <c>server</c> and
    /// <c>all</c>, the trainer for <c>trainer</c> and <c>all</c>. Without it the server stays single-process.
    /// </summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        RedisOptions options = builder.Configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            return;
        }

        Validate(options);
        ServerRole role = builder.Configuration.GetValue(EddyServerOptions.Section + ":" + nameof(EddyServerOptions.Role), ServerRole.All);
        builder.Services.AddSingleton(new RedisBackend(options, role.ToString().ToLowerInvariant()));
        builder.Services.AddSingleton(services => new RedisScaleOut(
            services.GetRequiredService<RedisBackend>(),
            services.GetRequiredService<Eddy.Server.Hosting.ModelRegistry>(),
            services.GetRequiredService<Eddy.Server.Hosting.ModelFactory>(),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EddyServerOptions>>(),
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RedisScaleOut>>(),
            serving: role != ServerRole.Trainer,
            trainers: role != ServerRole.Server ? services.GetRequiredService<TrainerService>() : null));
        builder.Services.AddSingleton<IScaleOut>(services => services.GetRequiredService<RedisScaleOut>());
        builder.Services.AddSingleton<IStreamSource>(services => new RedisStreamSource(services.GetRequiredService<RedisBackend>()));
        if (role != ServerRole.Server)
        {
            builder.Services.AddSingleton<TrainerService>();
            builder.Services.AddSingleton<IHostedService>(services => services.GetRequiredService<TrainerService>());
        }

        if (role != ServerRole.Trainer)
        {
            builder.Services.AddSingleton<IHostedService>(services => services.GetRequiredService<RedisScaleOut>());
        }
    }

    private static void Validate(RedisOptions options)
    {
        if (options.LeaseMs < 100 || options.PublishEvery < 1 || options.PublishIntervalMs < 0 || options.KeepVersions < 2 || options.PollMs < 10
            || options.CatchUpAfterMs < 0 || options.MaxStalenessExamples < 0 || options.MaxStalenessMs < 0 || options.IdempotencyTtl <= TimeSpan.Zero)
        {
            throw new ServerConfigurationException(
                "Eddy:Redis settings out of range: LeaseMs ≥ 100, PublishEvery ≥ 1, PublishIntervalMs ≥ 0, KeepVersions ≥ 2 (recovery may need the version before the newest), PollMs ≥ 10, CatchUpAfterMs and staleness bounds ≥ 0, IdempotencyTtl > 0.");
        }
    }
}
