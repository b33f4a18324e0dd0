"""Cue words as data: qualifiers before a number, trend words, and words that end a noun phrase.

Each table is plain data; figures.py and context.py compile them once.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as text, one or more words a line."""
    return frozenset(text.split())


# cue written before the number -> qualifier. The longest cue that ends right before the
# number wins ("just under" before "under").
QUALIFIER_CUES: dict[str, str] = {
    **dict.fromkeys(
        [
            "about", "around", "roughly", "approximately", "approx.", "approx", "some", "nearly",
            "almost", "close to", "circa", "ca.", "c.", "an estimated", "estimated", "an approximate",
            "just about", "in the region of", "on the order of", "~", "≈",
            "nearly all of", "around about", "somewhere around", "the best part of", "the better part of",
        ],
        "approximate",
    ),
    **dict.fromkeys(
        [
            "more than", "over", "at least", "upwards of", "upward of", "above", "in excess of",
            "greater than", "exceeding", "no fewer than", "no less than", "not less than", "well over",
            "just over", "north of", "a minimum of", "minimum of", "at minimum", "better than", "beyond",
            "higher than", "larger than", "longer than", "bigger than", "well above", "just above",
            "older than", "heavier than", "taller than", "wider than", "deeper than", "faster than",
            "hotter than", "warmer than", "thicker than",
            ">", "≥", ">=", "more then",
        ],
        "lower_bound",
    ),
    **dict.fromkeys(
        [
            "fewer than", "less than", "under", "up to", "at most", "below", "no more than",
            "not more than", "just under", "a maximum of", "maximum of", "as many as", "as much as",
            "as high as", "as long as", "as far as", "as large as", "as little as", "as few as",
            "lower than", "shorter than", "smaller than", "well under", "just below", "well below",
            "younger than", "lighter than", "cheaper than", "slower than", "colder than", "cooler than",
            "thinner than", "narrower than",
            "within", "a max of", "max", "<", "≤", "<=", "sub-", "not even", "barely",
        ],
        "upper_bound",
    ),
}  # fmt: skip

# cue written after the number: "50-plus", "100+", "or more", "or so"
QUALIFIER_AFTER: dict[str, str] = {
    "+": "lower_bound", "-plus": "lower_bound", " plus": "lower_bound", " or more": "lower_bound",
    " or so": "approximate", " or fewer": "upper_bound", " or less": "upper_bound",
    " at most": "upper_bound", " at least": "lower_bound", "-odd": "approximate", " odd": "approximate",
}  # fmt: skip

# trend words: a figure right after one (or after "by"/"to" after one) is a change
TREND_UP = words(
    """
    rose rise rises rising risen up increase increased increases increasing gain gained gains
    gaining climb climbed climbs climbing jump jumped jumps jumping grew grow grows growing
    raise raised raises raising boost boosted boosts advance advanced advances advancing surge
    surged surges surging soar soared soars soaring add added adds adding higher improved
    improve improves rebound rebounded rebounds spike spiked spiked climbed edged_up rallied
    rally rallies widened hiked hike hikes expanded expands accelerated increasing upped doubled
    doubles doubling tripled triples quadrupled swelled ballooned leapt leaped leap soaring
    swell swells swollen swelling balloon balloons firmed strengthened appreciated rocketed
    skyrocketed escalated multiplied
    """
)
TREND_DOWN = words(
    """
    fell fall falls falling fallen down decrease decreased decreases decreasing decline declined
    declines declining drop dropped drops dropping lost lose loses losing slid slide slides
    sliding shrank shrink shrinks shrinking shrunk cut cuts cutting reduce reduced reduces
    reducing lower lowered lowers slump slumped slumps plunge plunged plunges plunging tumble
    tumbled tumbles tumbling sank sink sinks sinking slip slipped slips slipping dip dipped dips
    dipping shed shedding eased ease eases easing retreated retreat slashed slash trimmed trim
    plummeted plummet plummets sagged sag contracted contracts narrowed weakened crashed crash
    depreciated cratered dwindled eroded softened
    dived dive tanked halved halves halving collapsed sunk slowed contracting
    """
)
# nouns after the figure that make it a change: "a 5% rise", "a sharp 3 percent drop"
TREND_NOUN_UP = words(
    """
    rise increase gain jump surge climb hike growth rally boost uptick advance
    """
)
TREND_NOUN_DOWN = words(
    """
    drop fall decline decrease loss cut slide plunge slump dip reduction contraction
    """
)

# words that never belong to a counted noun phrase: it stops before them
STOP_WORDS = words(
    """
    a an the this that these those its it his her their our your my its' them they we you he she worth
    i me us him who whom whose which what when where while why how than then there here so such
    as of in on at to for from by with without within into onto upon over under about above
    below across after before since until till during through throughout against among between
    toward towards per via despite except like unlike near off out up down around along behind
    beyond and or but nor yet if because though although unless whether either neither both each
    every all any some no not more less most least many much few several another same only just
    also even still already again ago later earlier now soon once twice very too quite rather is
    are was were be been being am has have had having do does did done will would shall should
    can could may might must ought said says say saying told tells tell according reported
    reporting claimed noted announced estimated added adds argued stated
    left went came took made got gave came become became remain remained remains get gets make
    makes take takes go goes come comes see seen saw give given used use using including
    included include includes according following followed compared versus vs respectively
    apiece each a.m. p.m. year-on-year year-over-year annually daily weekly monthly yearly
    overall total totally spoke held met paid sold bought brought kept led built sent stood
    began become died ran won fell rose saw found felt knew thought told asked tried called
    moved lived died wanted needed seemed began showed heard let put set meant stayed agreed
    arrived worked played turned started helped believed expected hoped reached failed refused
    returned voted joined struck overnight plus
    """
)

# a capitalised word before a number that names a thing numbered, not a quantity: the pair is
# a figure of kind number ("Section 427", "Row 21")
LABEL_NOUNS = words(
    """
    section row game page chapter category level grade phase stage round week season episode
    tier route gate room flight article rule part vol volume unit bay platform lane exit
    district zone highway interstate apartment suite floor block lot item clause paragraph
    appendix annex figure table exhibit act title channel track number no no. verse psalm bus
    line term group division class pool heat match leg day
    """
)

# words that make "degrees" in a sentence a temperature rather than an angle ("it is 30 degrees
# outside", "temperatures hit 40 degrees"), unless an angle word is there too ("turned 180 degrees")
TEMPERATURE_WORDS = words(
    """
    temperature temperatures temp temps hot hotter hottest heat heats heatwave heat-wave warm warmer
    warmest warming cold colder coldest cool cooler coolest chill chilly chilled freezing frozen
    freeze frost frosty mercury thermometer thermostat weather forecast forecasters outside outdoors
    indoors overnight fever oven ovens bake baked baking boil boils boiled boiling melt melts melted
    melting thaw thawed freezes froze heated balmy
    sweltering scorching swelter humid humidity sunny snow climate celsius fahrenheit highs lows
    """
)
ANGLE_WORDS = words(
    """
    angle angles turn turned turns turning rotate rotated rotation rotates spin spun tilt tilted tilts
    incline inclined slope slopes pitch latitude longitude arc compass bearing view panorama
    about-face u-turn pivot pivoted swing swung
    """
)

# stock indices named with a number, however the text is cased: "the S&P 500", "the sp 500 fell"
INDEX_NAMES = words(
    """
    s&p sp ftse stoxx russell nikkei asx nasdaq cac dax kospi nifty sensex ibex aex smi tsx mib
    """
)
# words that, written capitalised before a number, do not make it a name ("In 2011", "About 40")
NOT_NAMES = words(
    """
    my your our his her their whose
    in on at by to for from of with since until after before during between about around some
    nearly almost over under up down just only about the a an and or but than more less at
    approximately roughly about some more fewer least most over under up to within nearly almost
    just only another all both each every per plus minus total totalling totaling january
    february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
    sunday today yesterday tomorrow here there it its he she they we i you this that these those
    there's it's i'm we're they're when while where if as so yet then now also still even though
    although because whereas once is are was were be been has have had do does did said says
    told reported ci
    take get buy save add use pick grab try give make keep see call spend pay order book expect
    """
)  # a sentence may open with its verb: "Take 3 tablets a day", "Save $50 on …"
