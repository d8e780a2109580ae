using Amazon.Runtime;
using DiagBot.Bot.Chat;
using DiagBot.Bot.Rendering;
using DiagBot.Diagnostics;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Bot.Hosting;

/// <summary>The request path behind every channel: evidence, triage, playbooks, diagnoser.</summary>
internal static class DiagnosisEngineRegistration
{
    public static IServiceCollection AddDiagnosisEngine(this IServiceCollection services, IConfiguration configuration, AnswerOrigin origin, AWSCredentials? credentials)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(origin);
        services.AddSingleton(new ConfiguredScopes(configuration));
        try
        {
            services.AddDiagBotEvidence(configuration, credentials);
        }
        catch (InvalidOperationException exception)
        {
            // The evidence layer names the missing AWS setting; start-up shows that line, not a stack trace.
            throw new InvalidConfigurationException(exception.Message);
        }

        services.AddSingleton<ISymptomClassifier, SymptomClassifier>();
        services.AddSingleton(PlaybookCatalog.Create());
        services.AddSingleton<PlaybookRanker>();
        services.AddSingleton(provider => new Diagnoser(
            provider.GetRequiredService<IEvidenceSessionFactory>(),
            provider.GetRequiredService<PlaybookRanker>(),
            provider.GetService<SandboxSnapshotClock>() ?? provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ITaskArchive>()));
        services.AddSingleton(AdmissionOptions.Read(configuration));
        services.AddSingleton<DiagnosisAdmission>();
        services.AddSingleton(provider => new DiagnosisService(
            provider.GetRequiredService<Diagnoser>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>(),
            provider.GetRequiredService<ConfiguredScopes>(), provider.GetRequiredService<DiagnosisAdmission>()));
        return services;
    }
}
