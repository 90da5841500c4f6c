"""What SSI ignores, measured: post engagement, reply rates and weekly outcomes. Pure, no Qt."""
