"""LinkedIn SSI pages as browsers copy them, and the JSON the page loads, for the tests."""

from __future__ import annotations

import json

# Chrome, Select All on linkedin.com/sales/ssi: every block on its own line, the site's
# navigation and footer around it, numbers after their labels.
PAGE_CHROME = """\
Skip to main content
Home
My Network
Jobs
Messaging
Notifications
Me
Your Social Selling Index
Social Selling Index (SSI) measures how effective you are at establishing your professional \
brand, finding the right people, engaging with insights, and building relationships. It is \
updated daily. Learn more
Industry SSI rank
Top 9%
Network SSI rank
Top 12%
Current Social Selling Index
53
out of 100
Four components of your score
Establish your professional brand
21.01
Find the right people
6.4
Engage with insights
10.25
Build relationships
15
People in the Software Development industry have an average SSI of 27.
People in your network have an average SSI of 34.
Compare with others
About
Accessibility
LinkedIn Corporation © 2026
"""

# A browser set to German or Portuguese: decimal commas, the number spans split over lines,
# non-breaking spaces before "%", Windows line ends and a padded layout.
PAGE_DECIMAL_COMMAS = (
    "  Your Social Selling Index\r\n"
    "\tIndustry SSI rank   \r\n"
    "  Top\r\n  4\r\n \u00a0%\r\n"
    "Network SSI rank\r\nTop 1,5\u00a0%\r\n"
    "Current Social Selling Index\r\n\r\n  73  \r\n  out of 100\r\n\r\n"
    "ESTABLISH YOUR\r\nPROFESSIONAL BRAND\r\n\t20,998\r\n"
    "find the right\r\npeople\r\n   17,5\r\n"
    "Engage with Insights\r\n 14,125\r\n"
    "Build Relationships\r\n\r\n20,4\r\n"
    "People in the Financial Services industry have an average SSI of 31,5.\r\n"
    "People in your network have an average SSI of 29.\r\n"
)

# Firefox on the page's newer layout: the number first, then its label on the same line; the
# ranks before their labels; "out of 25" under each pillar; and, lower on the page, the
# industry's own numbers under the same labels ("31 out of 100"), which must not be read as
# the member's.
PAGE_NUMBERS_FIRST = """\
Your Social Selling Index
Top 75% Industry SSI rank
Top 81% Network SSI rank
Current Social Selling Index
20 out of 100
13.118 out of 25 Establish your professional brand
3.68 out of 25 Find the right people
0.3 out of 25 Engage with insights
2.608 out of 25 Build relationships
People in your industry
31 out of 100
11.79 Establish your professional brand
5.4 Find the right people
2.1 Engage with insights
11.71 Build relationships
"""

# Pasted from a note or a chat: one line per pillar, with a colon or a bar.
PAGE_ONE_LINE_EACH = """\
My SSI today: 55
Establish your professional brand: 21.0 | Find the right people: 6.4
Engage with insights: 2.2 | Build relationships: 25
"""

# The page's comparison section alone tells the ranks: no "SSI rank" labels, and a weekly
# change in points that is no total.
PAGE_RANKS_IN_SENTENCES = """\
Your Social Selling Index
Updated daily
Current Social Selling Index
74
out of 100
Your SSI changed by 2 points since last week
Four components of your score
Establish your professional brand
21.45
Find the right people
17.16
Engage with insights
15.96
Build relationships
19.21
Your ranking and score compared to others
Industry
People in the Computer Software industry have an average SSI of 24.
You rank in the top 7%
Network
People in your network have an average SSI of 29.
You rank in the top 3%
"""

MEMBER = {
    "overall": 19.706,
    "subScores": [
        {"pillar": "PROFESSIONAL_BRAND", "score": 13.118002},
        {"pillar": "FIND_RIGHT_PEOPLE", "score": 3.6800003},
        {"pillar": "INSIGHT_ENGAGEMENT", "score": 0.29999998},
        {"pillar": "STRONG_RELATIONSHIP", "score": 2.6077502},
    ],
}
GROUPS = [
    {
        "groupType": "TEAM",
        "rank": 3,
        "score": {"overall": 44.25, "subScores": []},
        "groupSize": 12,
    },
    {
        "groupType": "INDUSTRY",
        "rank": 75,
        "score": {
            "overall": 31.435,
            "subScores": [{"pillar": "PROFESSIONAL_BRAND", "score": 11.79}],
        },
        "industryName": "Software Development",
    },
    {"groupType": "NETWORK", "rank": 81, "score": {"overall": 24.110351}},
]
PAYLOAD = {"memberScore": MEMBER, "groupScore": GROUPS}
PAYLOAD_WRAPPED = {"data": {"memberScore": MEMBER, "groupScore": GROUPS}, "included": []}


def as_json(value: object) -> str:
    return json.dumps(value, indent=2)
