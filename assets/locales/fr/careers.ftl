# careers.ftl : textes de la galerie des cartes métiers (src/game/careers.rs) et des
# badges du profil (src/game/achievements.rs, src/game/profiles.rs). Les textes des
# cartes et des badges eux-mêmes sont dans curriculum/*.ron.

## Galerie des cartes métiers
careers-title = Cartes métiers
# $unlocked : cartes débloquées ; $total : toutes les cartes.
careers-count = { $unlocked } / { $total } { $total ->
    [one] carte débloquée
   *[other] cartes débloquées
}
careers-intro = Chaque chapitre terminé débloque des métiers du numérique : qui les fait, une journée de travail, et comment y arriver.
careers-no-profile = Choisis ton profil pour voir tes cartes métiers.
careers-none-yet = Termine ton premier chapitre pour débloquer tes premières cartes !
careers-all-unlocked = Tu as débloqué toutes les cartes. Lequel de ces métiers te donne envie ?
# $count : nombre de cartes encore verrouillées.
careers-locked-heading = À découvrir ({ $count })
# $number : le numéro du chapitre qui débloque la carte.
careers-card-chapter = Chapitre { $number }
careers-keys-help = Clavier : Tab ou flèches pour passer d'une carte à l'autre · Page suivante ou précédente pour défiler · Échap pour revenir
# Le bouton qui ouvre la galerie (carte des chapitres, profil). $unlocked, $cards.
careers-open = Cartes métiers ({ $unlocked }/{ $cards })
careers-open-help = Les métiers du numérique que tes chapitres terminés ont débloqués.
# Message quand un chapitre terminé débloque des cartes. $count : combien ; $titles : leurs noms.
careers-notice-unlocked = { $count ->
    [one] Chapitre terminé ! Tu as débloqué une nouvelle carte métier : { $titles }. Découvre qui fait ce métier et comment y arriver.
   *[other] Chapitre terminé ! Tu as débloqué { $count } nouvelles cartes métiers : { $titles }. Découvre qui fait ces métiers et comment y arriver.
}
careers-notice-open = Voir mes cartes métiers

## Badges du profil
# $earned : badges gagnés ; $total : tous les badges.
badges-count = { $earned }/{ $total } badges
badges-open = Badges
# $name : le prénom du profil.
badges-open-help = Les badges et les cartes métiers de { $name }
badges-earned-heading = Badges gagnés
badges-locked-heading = Encore à gagner
# Devant la façon de gagner un badge pas encore gagné.
badges-how = Pour le gagner : { $how }
badges-none-yet = Pas encore de badge : réussis ton premier niveau pour gagner le premier !
badges-play = Jouer
badges-close = Fermer
# Message quand des badges sont gagnés. $count : combien ; $titles : leurs noms.
badges-notice-earned = { $count ->
    [one] Nouveau badge : { $titles } ! Tu le retrouves sur ton profil (bouton « Badges »).
   *[other] { $count } nouveaux badges : { $titles } ! Tu les retrouves sur ton profil (bouton « Badges »).
}
# Comment gagner chaque sorte de badge. $count : le nombre demandé.
badges-how-levels-passed = { $count ->
    [one] réussis ton premier niveau.
   *[other] réussis { $count } niveaux.
}
badges-how-loop-without-repetition = réussis un niveau avec une boucle for ou while, sans écrire deux fois de suite la même ligne.
badges-how-defines-function = réussis un niveau en créant ta propre fonction avec def.
badges-how-passed-after-attempts = ne lâche rien et réussis un niveau après au moins { $count } essais.
badges-how-passed-without-hints = réussis { $count } niveaux sans ouvrir d'indice.
badges-how-challenge-without-hints = réussis un niveau défi sans ouvrir d'indice.
badges-how-all-stars-in-a-chapter = gagne les trois étoiles sur chaque niveau d'un chapitre.
badges-how-all-challenges-passed = réussis tous les niveaux défis du parcours.
badges-how-all-careers-unlocked = débloque toutes les cartes métiers en terminant tous les chapitres.
