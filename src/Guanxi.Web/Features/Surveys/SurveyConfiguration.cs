using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Surveys;

public sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.ToTable("Questionnaires");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(q => q.Name).HasMaxLength(100);
        builder.Property(q => q.NameEn).HasMaxLength(100);
    }
}

public sealed class QuestionnaireVersionConfiguration : IEntityTypeConfiguration<QuestionnaireVersion>
{
    public void Configure(EntityTypeBuilder<QuestionnaireVersion> builder)
    {
        builder.ToTable("QuestionnaireVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Questions).HasField("questions").AsJson();
        builder.HasIndex(v => new { v.QuestionnaireId, v.Number }).IsUnique();
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(v => v.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QuestionnaireChangeConfiguration : IEntityTypeConfiguration<QuestionnaireChange>
{
    public void Configure(EntityTypeBuilder<QuestionnaireChange> builder)
    {
        builder.ToTable("QuestionnaireChanges");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Ignore(c => c.Status);
        builder.Property(c => c.Draft).HasField("draft").AsJson();
        builder.Property(c => c.Reason).HasMaxLength(QuestionnaireChange.MaxReasonLength);
        builder.Property(c => c.RefusalNote).HasMaxLength(QuestionnaireChange.MaxReasonLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        foreach (var by in new[] { nameof(QuestionnaireChange.RequestedByText), nameof(QuestionnaireChange.DepartmentAgreedByText), nameof(QuestionnaireChange.CustomerServiceAgreedByText), nameof(QuestionnaireChange.VpAgreedByText), nameof(QuestionnaireChange.RefusedByText) })
        {
            builder.Property(by[..^"Text".Length] + "Id").HasMaxLength(Actor.MaxIdLength);
            builder.Property(by).HasMaxLength(Actor.MaxTextLength);
        }
        builder.HasIndex(c => c.QuestionnaireId);
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(c => c.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyTaskConfiguration : IEntityTypeConfiguration<SurveyTask>
{
    public void Configure(EntityTypeBuilder<SurveyTask> builder)
    {
        builder.ToTable("SurveyTasks");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Ignore(t => t.Window);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(t => t.Outcome).HasConversion<string>().HasMaxLength(14);
        builder.Property(t => t.StaffId).HasMaxLength(450);
        builder.Property(t => t.AssigneeId).HasMaxLength(450);
        builder.Property(t => t.OverdueReason).HasMaxLength(SurveyTask.MaxNoteLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.OrderId).IsUnique().HasFilter("\"ProgramId\" IS NULL");   // one routine survey per order; a program may call again
        builder.HasIndex(t => new { t.ProgramId, t.CustomerId }).HasFilter("\"ProgramId\" IS NOT NULL");   // programs' tasks only: never chosen for the routine reports' ProgramId IS NULL
        builder.HasIndex(t => new { t.CustomerId, t.SurveyedOn });
        builder.HasIndex(t => new { t.Outcome, t.Due });                 // the queue: pending, by due day
        builder.HasIndex(t => new { t.Due, t.ProgramId, t.Outcome });     // the reports: a period's tasks, how they ended (SAT-10, SAT-12)
        builder.HasIndex(t => new { t.AssigneeId, t.Outcome, t.Due });
        builder.HasIndex(t => new { t.Kind, t.DeliveredOn });            // SAT-3: the month's sample so far
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SurveyProgram>().WithMany().HasForeignKey(t => t.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SurveyProgramConfiguration : IEntityTypeConfiguration<SurveyProgram>
{
    public void Configure(EntityTypeBuilder<SurveyProgram> builder)
    {
        builder.ToTable("SurveyPrograms");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(SurveyProgram.MaxNameLength);
        builder.Property(p => p.Population).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Cadence).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.LastPeriod).HasMaxLength(10);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(p => p.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("SurveyResponses");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Method).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(14);
        builder.Property(r => r.Answers).HasField("answers").AsJson();
        builder.Property(r => r.Comment).HasMaxLength(SurveyResponse.MaxCommentLength);
        builder.Property(r => r.Note).HasMaxLength(SurveyTask.MaxNoteLength);
        builder.Property(r => r.RecordedById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(r => r.RecordedByText).HasMaxLength(Actor.MaxTextLength);
        builder.HasIndex(r => r.TaskId);
        builder.HasIndex(r => new { r.RespondedOn, r.ProgramId, r.SupersededBy, r.OverallScore });   // the period's responses; a quarter's index from this alone
        builder.HasOne<SurveyTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<QuestionnaireVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SurveyProblemConfiguration : IEntityTypeConfiguration<SurveyProblem>
{
    public void Configure(EntityTypeBuilder<SurveyProblem> builder)
    {
        builder.ToTable("SurveyProblems");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Level).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.QuestionId).HasMaxLength(Question.MaxIdLength);
        builder.Property(p => p.Description).HasMaxLength(SurveyProblem.MaxDescriptionLength);
        builder.HasIndex(p => new { p.DepartmentId, p.RaisedOn });
        builder.HasIndex(p => p.RaisedOn);
        builder.HasOne<SurveyTask>().WithMany().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SurveyResponse>().WithMany().HasForeignKey(p => p.ResponseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SurveyExclusionConfiguration : IEntityTypeConfiguration<SurveyExclusionRecord>
{
    public void Configure(EntityTypeBuilder<SurveyExclusionRecord> builder)
    {
        builder.ToTable("SurveyExclusions");
        builder.HasKey(e => e.OrderId);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.Reason).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => new { e.Kind, e.DeliveredOn, e.Reason });   // SAT-3: the month's sample, its passed-over jobs
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyAttemptConfiguration : IEntityTypeConfiguration<SurveyAttempt>
{
    public void Configure(EntityTypeBuilder<SurveyAttempt> builder)
    {
        builder.ToTable("SurveyAttempts");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Result).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.Note).HasMaxLength(SurveyTask.MaxNoteLength);
        builder.Property(a => a.ById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(a => a.ByText).HasMaxLength(Actor.MaxTextLength);
        builder.HasIndex(a => a.TaskId);
        builder.HasOne<SurveyTask>().WithMany().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SatisfactionReportRunConfiguration : IEntityTypeConfiguration<SatisfactionReportRun>
{
    public void Configure(EntityTypeBuilder<SatisfactionReportRun> builder)
    {
        builder.ToTable("SatisfactionReportRuns");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Period).HasMaxLength(10);
        builder.Property(r => r.GeneratedById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(r => r.GeneratedByText).HasMaxLength(Actor.MaxTextLength);
        builder.Property(r => r.PublishedById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(r => r.PublishedByText).HasMaxLength(Actor.MaxTextLength);
        builder.HasIndex(r => new { r.Kind, r.Period }).IsUnique();
    }
}
