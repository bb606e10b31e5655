using System.Collections.Frozen;

namespace Bilingual.Core.Lexicon;

/// <summary>
/// Our own English for the Dutch words a dictionary glosses badly: the closed classes (articles,
/// pronouns, prepositions, conjunctions, auxiliaries, numerals) whose FreeDict senses are long lists
/// led by a rare reading, fixed multi-word expressions, and a few frequent news words whose first
/// FreeDict sense is not the news sense. Consulted before the dictionary.
/// </summary>
internal static class DutchFunctionWords
{
    /// <summary>Single words, lower case: the closed classes and the content words together.</summary>
    public static FrozenDictionary<string, string> Words => WordsTable;

    /// <summary>
    /// The closed classes: articles, pronouns, prepositions, conjunctions, auxiliaries, adverbs of degree
    /// and time, numerals, days and months.
    /// </summary>
    public static FrozenDictionary<string, string> ClosedClass => ClosedClassTable;

    private static readonly FrozenDictionary<string, string> ClosedClassTable = Parse(
        "de=the|het=the|een=a|één=one|en=and|van=of|in=in|op=on|is=is|zijn=are|niet=not|die=that|dat=that|er=there|" +
        "voor=for|met=with|als=as|aan=to|om=to|te=to|ook=also|maar=but|bij=at|naar=to|zo=so|nog=still|wel=indeed|al=already|" +
        "hij=he|zij=they|ze=they|we=we|wij=we|jullie=you|u=you|ik=I|je=you|jij=you|mij=me|me=me|ons=us|onze=our|hun=their|" +
        "hem=him|haar=her|mijn=my|jouw=your|uw=your|zich=themselves|zichzelf=themselves|heeft=has|hebben=have|heb=have|had=had|hadden=had|" +
        "was=was|waren=were|werd=became|werden=became|worden=become|wordt=is|zal=will|zullen=will|zou=would|zouden=would|" +
        "kan=can|kunnen=can|kon=could|konden=could|moet=must|moeten=must|moest=had to|moesten=had to|wil=wants|willen=want|" +
        "wilde=wanted|wilden=wanted|mag=may|mogen=may|mocht=might|dan=than|of=or|uit=from|tot=until|door=by|over=about|" +
        "tegen=against|onder=under|tussen=between|na=after|sinds=since|zonder=without|per=per|tijdens=during|volgens=according to|" +
        "aldus=according to|want=because|omdat=because|toen=when|terwijl=while|hoewel=although|wanneer=when|waar=where|wie=who|" +
        "wat=what|welke=which|welk=which|hoe=how|waarom=why|hoeveel=how many|deze=these|dit=this|geen=no|alle=all|elk=each|" +
        "elke=each|ieder=every|iedere=every|veel=much|meer=more|meest=most|meeste=most|minder=less|weinig=little|enkele=some|" +
        "sommige=some|beide=both|ander=other|andere=other|zelf=themselves|hier=here|daar=there|nu=now|toch=yet|dus=so|" +
        "echter=however|immers=after all|straks=soon|ooit=ever|nooit=never|altijd=always|soms=sometimes|vaak=often|weer=again|" +
        "eens=once|alleen=only|pas=only|zeer=very|heel=very|erg=very|niets=nothing|iets=something|iemand=someone|niemand=nobody|" +
        "noch=nor|ja=yes|nee=no|zoals=such as|binnen=within|buiten=outside|boven=above|achter=behind|naast=besides|langs=along|" +
        "rond=around|rondom=around|via=via|jegens=towards|namens=on behalf of|richting=towards|dankzij=thanks to|" +
        "daarom=therefore|daarna=afterwards|daarmee=with it|daarvan=of it|hiermee=with this|waarin=in which|waarmee=with which|" +
        "waarop=on which|waarvan=of which|zelfs=even|reeds=already|slechts=only|bijna=almost|misschien=perhaps|ongeveer=about|" +
        "twee=two|drie=three|vier=four|vijf=five|zes=six|zeven=seven|acht=eight|negen=nine|tien=ten|elf=eleven|twaalf=twelve|" +
        "twintig=twenty|dertig=thirty|veertig=forty|vijftig=fifty|honderd=hundred|duizend=thousand|miljoen=million|miljard=billion|" +
        "eerste=first|tweede=second|derde=third|vierde=fourth|laatste=last|vorige=last|volgende=next|" +
        "maandag=Monday|dinsdag=Tuesday|woensdag=Wednesday|donderdag=Thursday|vrijdag=Friday|zaterdag=Saturday|zondag=Sunday|" +
        "januari=January|februari=February|maart=March|april=April|mei=May|juni=June|juli=July|augustus=August|" +
        "september=September|oktober=October|november=November|december=December|" +
        "zo’n=such a|zo'n=such a|’s=the|'s=the|m’n=my|z’n=his|d’r=her");

    // Frequent news words whose first FreeDict sense is not the news sense, and country names.
    private static readonly FrozenDictionary<string, string> ContentTable = Parse(
        "land=country|landen=countries|lid=member|leden=members|zin=sentence|staat=state|staten=states|volk=people|" +
        "volken=peoples|vorm=form|steeds=still|gaat=is going|gaan=go|wereld=world|leider=leader|leiders=leaders|beleid=policy|" +
        "plaats=place|betekenis=significance|uiteraard=of course|precies=exactly|helemaal=entirely|duidelijk=clear|" +
        "bekend=known|zover=that far|terug=back|kwade=evil|goed=good|grens=border|grenzen=borders|dienst=service|" +
        "verkiezingen=elections|verdrag=treaty|invoering=introduction|leiding=leadership|soort=kind|lening=loan|" +
        "leningen=loans|wens=wish|week=week|maand=month|jaar=year|jaren=years|dag=day|dagen=days|tijd=time|idee=idea|" +
        "ideeën=ideas|nieuwe=new|nieuw=new|grote=big|groot=big|oud=old|oude=old|mensen=people|mens=person|regering=government|" +
        "president=president|minister=minister|premier=prime minister|partij=party|bezoek=visit|droom=dream|document=document|bijvoorbeeld=for example|" +
        "vormen=form|buitenlands=foreign|buitenland=abroad|buitenland-=foreign|bedanken=decline|munt=currency|betekenen=mean|" +
        "doel=target|stationeren=station|maken=make|verwachten=expect|rood=red|knop=button|blijven=remain|opstellen=deploy|" +
        "gelegen=located|bevestigen=confirm|tegenover=towards|enige=only|westen=west|oosten=east|noorden=north|zuiden=south|" +
        "doen=do|innemen=take|opstand=uprising|raket=missile|stuk=piece|hoeksteen=cornerstone|massaal=massive|juridisch=legal|" +
        "samensmelting=merger|grootschalig=large-scale|rechtmatig=rightful|status=status|verbond=alliance|macht=power|" +
        "steun=support|aanval=attack|aanvallen=attacks|staatshoofd=head of state|bondgenoot=ally|sancties=sanctions|" +
        "onderhandelingen=negotiations|troepen=troops|militair=military|economie=economy|bedrijf=company|nieuws=news|zien=see|partner=partner|partners=partners|uitbrengen=release|" +
        "europa=Europe|amerika=America|azië=Asia|afrika=Africa|duitsland=Germany|frankrijk=France|belgië=Belgium|" +
        "nederland=the Netherlands|engeland=England|brussel=Brussels|polen=Poland|litouwen=Lithuania|letland=Latvia|estland=Estonia|" +
        "wit-rusland=Belarus|rusland=Russia|china=China|turkije=Turkey|griekenland=Greece|spanje=Spain|italië=Italy|zweden=Sweden|" +
        "noorwegen=Norway|finland=Finland|denemarken=Denmark|oostenrijk=Austria|zwitserland=Switzerland|hongarije=Hungary|" +
        "melden=report|straat=street|blijken=appear|cijfer=figure|stijgen=rise|dalen=fall|weken=weeks|kabinet=cabinet|" +
        "stad=city|steden=cities|zorg=care|geld=money|bedrijven=companies|prijs=price|prijzen=prices|mensen=people|" +
        "zeggen=say|vinden=find|krijgen=get|komen=come|nemen=take|geven=give|staan=stand|liggen=lie|houden=hold|" +
        "laten=let|brengen=bring|spreken=speak|vragen=ask|zetten=put|werken=work|leven=live|wonen=live|kiezen=choose|" +
        "stemmen=vote|winnen=win|verliezen=lose|betalen=pay|kopen=buy|verkopen=sell|sturen=send|leiden=lead|beginnen=begin|" +
        "gebeuren=happen|proberen=try|besluiten=decide|stoppen=stop|openen=open|sluiten=close|verklaren=declare|" +
        "verkiezing=election|woning=home|verandering=change|bespreking=talk|strijder=fighter|levering=delivery|" +
        "leverantie=supply|uitstoot=emissions|broeikas=greenhouse|demonstrant=protester|werkloos=unemployed|vrede=peace|naam=name|noemen=call|" +
        "namen=names|gebied=area|regio=region|grondgebied=territory|oorlogsmisdaden=war crimes|wapenstilstand=ceasefire");

    // Declared after the two tables it joins: static fields initialise in textual order.
    private static readonly FrozenDictionary<string, string> WordsTable =
        ClosedClassTable.Concat(ContentTable).ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Multi-word names, matched with their capitals.</summary>
    public static FrozenDictionary<string, string> Names { get; } = Parse(
        "Verenigde Staten=United States|Verenigde Naties=United Nations|Europese Unie=European Union|" +
        "Verenigd Koninkrijk=United Kingdom|Tweede Kamer=House of Representatives|Eerste Kamer=Senate|Witte Huis=White House|" +
        "Zwarte Zee=Black Sea|Rode Kruis=Red Cross|Internationaal Strafhof=International Criminal Court");

    /// <summary>Abbreviations written in capitals, as written.</summary>
    public static FrozenDictionary<string, string> Acronyms { get; } = Parse("VS=US|VN=UN|EU=EU|VK=UK|NAVO=NATO|IMF=IMF|VAE=UAE");

    /// <summary>Fixed expressions of two or more words, lower case, words separated by one space.</summary>
    public static FrozenDictionary<string, string> Phrases { get; } = Parse(
        "des te meer=all the more|ten opzichte van=towards|bij nader inzien=on closer inspection|nog steeds=still|" +
        "nog maar=only|weer eens=once again|meer dan ooit=more than ever|in plaats van=instead of|ten minste=at least|" +
        "ten slotte=finally|onder andere=among others|onder meer=among other things|met name=in particular|" +
        "op dit moment=at the moment|ten aanzien van=with regard to|naar aanleiding van=following|in het kader van=as part of|" +
        "een soort=a kind of|vorige week=last week|vorige maand=last month|vorig jaar=last year|volgend jaar=next year|" +
        "volgende week=next week|dienst doen=serve|doet dienst=serves|aan de hand van=by means of|er staat=it says|staat er=it says|" +
        "zo vaak=as often|van plan=planning|om te=to|ervan uit=from the fact|bekend maken=announce|maakte bekend=announced|" +
        "maakt bekend=announces|maakte bekend dat=announced that|bij voorbeeld=for example");

    private static FrozenDictionary<string, string> Parse(string table)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in table.Split('|'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            entries[pair[..equals]] = pair[(equals + 1)..];
        }

        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
