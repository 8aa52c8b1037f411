# careers.ftl: texts of the career card gallery (src/game/careers.rs) and of the
# profile's badges (src/game/achievements.rs, src/game/profiles.rs). The texts of the
# cards and badges themselves are in curriculum/*.ron.

## Career card gallery
careers-title = Career cards
# $unlocked: cards unlocked; $total: all the cards.
careers-count = { $unlocked } / { $total } { $total ->
    [one] card unlocked
   *[other] cards unlocked
}
careers-intro = Every chapter you finish unlocks jobs in computing: who does them, a day at work, and how to get there.
careers-no-profile = Choose your profile to see your career cards.
careers-none-yet = Finish your first chapter to unlock your first cards!
careers-all-unlocked = You unlocked every card. Which of these jobs would you like to try?
# $count: how many cards are still locked.
careers-locked-heading = Still to discover ({ $count })
# $number: the number of the chapter that unlocks the card.
careers-card-chapter = Chapter { $number }
careers-keys-help = Keyboard: Tab or arrows to go from card to card · Page Down or Page Up to scroll · Esc to go back
# The button opening the gallery (chapter map, profile). $unlocked, $cards.
careers-open = Career cards ({ $unlocked }/{ $cards })
careers-open-help = The computing jobs that the chapters you finished have unlocked.
# Shown when a finished chapter unlocks cards. $count: how many; $titles: their names.
careers-notice-unlocked = { $count ->
    [one] Chapter finished! You unlocked a new career card: { $titles }. Find out who does this job and how to get there.
   *[other] Chapter finished! You unlocked { $count } new career cards: { $titles }. Find out who does these jobs and how to get there.
}
careers-notice-open = See my career cards

## Profile badges
# $earned: badges earned; $total: all the badges.
badges-count = { $earned }/{ $total } badges
badges-open = Badges
# $name: the profile's name.
badges-open-help = { $name }'s badges and career cards
badges-earned-heading = Badges earned
badges-locked-heading = Still to earn
# Before how to earn a badge not earned yet.
badges-how = To earn it: { $how }
badges-none-yet = No badge yet: pass your first level to earn the first one!
badges-play = Play
badges-close = Close
# Shown when badges are earned. $count: how many; $titles: their names.
badges-notice-earned = { $count ->
    [one] New badge: { $titles }! You will find it on your profile ("Badges" button).
   *[other] { $count } new badges: { $titles }! You will find them on your profile ("Badges" button).
}
# How to earn each kind of badge. $count: the number needed.
badges-how-levels-passed = { $count ->
    [one] pass your first level.
   *[other] pass { $count } levels.
}
badges-how-loop-without-repetition = pass a level with a for or while loop, without writing the same line twice in a row.
badges-how-defines-function = pass a level by making your own function with def.
badges-how-passed-after-attempts = keep going and pass a level after at least { $count } tries.
badges-how-passed-without-hints = pass { $count } levels without opening a hint.
badges-how-challenge-without-hints = pass a challenge level without opening a hint.
badges-how-all-stars-in-a-chapter = earn all three stars on every level of a chapter.
badges-how-all-challenges-passed = pass every challenge level of the course.
badges-how-all-careers-unlocked = unlock every career card by finishing every chapter.
