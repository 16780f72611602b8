namespace PublicEdu.Generator.Diagnostics;

/// <summary>
/// The stable codes. Authors and CI scripts search for them, so a code never changes meaning;
/// retired codes are not reused. docs/写作指南.md lists each with an example.
/// </summary>
public static class DiagnosticCodes
{
    // PE00xx — files and the build itself
    public const string ContentFolderMissing = "PE0001";
    public const string FileUnreadable = "PE0002";
    public const string NotUtf8 = "PE0003";
    public const string OutputFailed = "PE0004";
    public const string UnsupportedFile = "PE0005";
    public const string FolderLinkNotFollowed = "PE0006";
    public const string FileTooLarge = "PE0007";
    public const string ThemeScriptUnsupported = "PE0008";
    public const string InternalError = "PE0009";

    // PE01xx — front matter and pages
    public const string FrontMatterSyntax = "PE0101";
    public const string RequiredFieldMissing = "PE0102";
    public const string FieldWrongType = "PE0103";
    public const string UnknownField = "PE0104";
    public const string NonAsciiFileName = "PE0105";
    public const string InvalidSlug = "PE0106";
    public const string DuplicateUrl = "PE0107";
    public const string InvalidDate = "PE0108";
    public const string RawHtmlDisabled = "PE0109";
    public const string UnclosedBlock = "PE0110";
    public const string UnknownBlock = "PE0111";
    public const string FrontMatterMissing = "PE0112";
    public const string EmptyPage = "PE0113";

    // PE015x — site.yml
    public const string SiteConfigMissing = "PE0150";
    public const string SiteConfigSyntax = "PE0151";
    public const string SiteConfigInvalid = "PE0152";
    public const string BaseUrlMissing = "PE0153";
    public const string ReportingChannelMissing = "PE0154";

    // PE02xx — law digests
    public const string LawHeadingInvalid = "PE0201";
    public const string LawArticleDuplicate = "PE0202";
    public const string LawArticleOutOfRange = "PE0203";
    public const string LawNameDuplicate = "PE0204";
    public const string LawArticleOrder = "PE0205";
    public const string LawArticleEmpty = "PE0206";

    // PE03xx — citations
    public const string CitationUnknownLaw = "PE0301";
    public const string CitationNotDigested = "PE0302";
    public const string CitationNoSuchArticle = "PE0303";
    public const string CitationBadNumeral = "PE0304";
    public const string CitationNoSuchParagraph = "PE0305";
    public const string CitationBadRange = "PE0306";

    // PE05xx — self-check questionnaires
    public const string QuestionnaireEmpty = "PE0501";
    public const string QuestionDuplicateId = "PE0502";
    public const string OptionNoOutcome = "PE0503";
    public const string HazardIncomplete = "PE0504";
    public const string ConditionInvalid = "PE0505";
    public const string QuestionMalformed = "PE0506";
    public const string HazardValueInvalid = "PE0507";
    public const string HazardUnknown = "PE0508";
    public const string OptionRestatesHazard = "PE0509";
    public const string HazardNotForPremises = "PE0510";
    public const string PremisesClassUnknown = "PE0511";

    // PE055x — the hazard catalogue (content/hazards/) and exemptions.yml
    public const string HazardDuplicateId = "PE0550";
    public const string PenaltyNotRegistered = "PE0551";
    public const string PenaltyDoesNotCover = "PE0552";
    public const string ExemptionNotAllowed = "PE0553";
    public const string AdviceWithLegalClaim = "PE0554";
    public const string RulesMissing = "PE0555";
    public const string RulesInvalid = "PE0556";

    // PE06xx — search: content/synonyms.txt
    public const string SynonymGroupTooSmall = "PE0601";
    public const string SynonymWordInTwoGroups = "PE0602";
    public const string SynonymWordNotOnSite = "PE0603";
    public const string SynonymLineMalformed = "PE0604";

    // PE04xx — links
    public const string BrokenLink = "PE0401";
    public const string UnsafeLink = "PE0402";
    public const string LinkEscapesSite = "PE0403";
    public const string BrokenFragment = "PE0404";
}
