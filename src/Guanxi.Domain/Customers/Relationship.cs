namespace Guanxi.Domain.Customers;

/// <summary>LIF-4 relationship stage with a key account (互动、连续、了解、建立关系).</summary>
public enum RelationshipStage
{
    Interaction,
    Continuity,
    Understanding,
    Relationship,
}

/// <summary>LIF-4 relationship type (基本型、被动型、责任型、能动型、伙伴型), from selling once to growing together.</summary>
public enum RelationshipType
{
    Basic,
    Passive,
    Responsible,
    Proactive,
    Partner,
}

/// <summary>LIF-4 phase of the relationship cycle (收获期、突破期、巩固期、冬眠期、暂停期).</summary>
public enum RelationshipPhase
{
    Harvest,
    Breakthrough,
    Consolidation,
    Hibernation,
    Pause,
}

/// <summary>LIF-4: what the owner records about a key account; every field may stay unknown.</summary>
public sealed record KeyAccountRelationship(RelationshipStage? Stage, RelationshipType? Type, RelationshipPhase? Phase, string? Note)
{
    public const int MaxNoteLength = 500;
}
