# editor.ftl: texts of the editor screens (fr).


## The level editor screen.

editor-back = ⬅ Outils de l'enseignant
editor-title-bar = Éditeur de niveaux
editor-unsaved = Modifications non enregistrées
editor-unsaved-short = (modifié)
editor-undo = Annuler (Ctrl+Z)
editor-redo = Rétablir (Ctrl+Y)
editor-undo-button = Annuler
editor-redo-button = Rétablir
editor-busy = Enregistrement…
editor-new = Nouveau
editor-open = Ouvrir…
editor-save-button = Enregistrer…
editor-save-help-short = Enregistrer le niveau dans un pack (Ctrl+S enregistre au même endroit).
editor-export = Exporter en .zip…
editor-export-help = Enregistrer le pack de ce niveau dans un fichier .zip à donner à la classe (enregistrez d'abord le niveau).
editor-tab-texts = Textes
editor-tab-rules = Règles
editor-tab-solution = Solution
editor-tab-file = Fichier
editor-default-pack-title = Mes niveaux
editor-default-chapter-title = Chapitre 1

## Status line.
# Why an edit was refused. $x, $y: the cell (from 0); $mark: a map character;
# $what: hint, rule or goal; $number: its number (from 1).
editor-refused-outside-map = Impossible : la case ({ $x }, { $y }) est en dehors de la carte.
editor-refused-size = Impossible : une carte fait de 1 à { $max } cases de large et de haut, pas { $width }×{ $height }.
editor-refused-unknown-mark = Impossible : « { $mark } » n'est ni dans la légende ni dans l'alphabet de Codebot.
editor-refused-bad-mark = Impossible : « { $mark } » ne peut pas servir sur la carte (ni espace, ni guillemet, ni barre oblique inverse).
editor-refused-mark-in-use = Impossible : « { $mark } » est dessiné sur la carte ; peins d'abord ses cases avec autre chose.
editor-refused-no-free-mark = Impossible : tous les caractères possibles de la légende sont déjà pris.
editor-refused-no-entry = Impossible : il n'y a pas { $what ->
        [hint] d'indice
        [rule] de règle
       *[goal] d'objectif
    } numéro { $number }.
editor-status-new = Nouveau niveau. Peignez la carte avec les outils de gauche.
editor-status-opened = Ouvert : { $name }
editor-status-open-failed = Impossible d'ouvrir { $name } : { $reason }
editor-status-unknown-level = Aucun niveau ne s'appelle « { $name } ».
editor-status-no-dialog = Aucune fenêtre de choix de fichier sur cet ordinateur : déposez le fichier .ron sur la fenêtre du jeu.
editor-status-save-first = Enregistrez d'abord le niveau dans un pack.
editor-status-saved-library = Enregistré dans le pack « { $pack } » de la bibliothèque : les élèves de cet ordinateur peuvent y jouer.
# Dans le navigateur.
editor-status-saved-browser = Enregistré dans le pack « { $pack } » de ce navigateur : on peut y jouer tout de suite dans ce navigateur.
editor-status-saved-folder = Enregistré : { $path }
editor-status-saved-with-problems = Enregistré : { $path }. Le pack a encore { $count } problème(s), listés sous la carte.
editor-status-save-failed = Le pack « { $pack } » n'a pas été enregistré : { $reason }
editor-status-exported = Pack exporté : { $path }
# Dans le navigateur. $path : le nom du fichier téléchargé.
editor-status-downloaded = Pack téléchargé : { $path } (dans votre dossier Téléchargements), à donner à la classe.
editor-status-export-failed = Export impossible vers { $path } : { $reason }

## Tool palette.
editor-tools = Outils
editor-marks = Caractères du niveau
editor-tools-help = Clic ou glisser : peindre. Clic droit : effacer. Mur fin : cliquez près d'un bord.
editor-tool-floor = Sol (efface)
editor-tool-wall = Mur
editor-tool-goal = Case d'arrivée G
editor-tool-robot = Robot, tourné vers { $heading }
editor-tool-item = { $item } × { $count }
editor-tool-color = Sol { $color }
editor-tool-thin-wall = Mur fin entre deux cases
editor-tool-mark = Caractère « { $mark } »
editor-heading-north = le nord
editor-heading-east = l'est
editor-heading-south = le sud
editor-heading-west = l'ouest
editor-item-gem = Gemme
editor-item-coin = Pièce
editor-item-key = Clé
editor-item-battery = Pile
editor-item-count = Objets par case
editor-new-mark = Nouveau caractère
editor-new-mark-help = Crée un caractère de légende qui peint ce que peint l'outil, pour qu'un objectif ou une règle de variantes puisse nommer ces cases.
editor-remove-mark = Retirer ce caractère
editor-map-size = Taille de la carte
editor-width = Largeur
editor-height = Hauteur
editor-walls-around = Murs tout autour

## Texts tab.
editor-id = Identifiant
editor-id-help = Lettres sans accent, chiffres, - et _. Les sauvegardes des élèves y font référence : ne le changez plus une fois le niveau joué.
editor-title = Titre
editor-brief = Consigne
editor-lang-fr = Français
editor-lang-en = Anglais
editor-hints = Indices
editor-hints-help = Montrés un par un, du coup de pouce à presque la réponse. Écrivez-en au moins trois.
editor-hint-number = Indice { $number }
editor-remove = Retirer
editor-add-hint = Ajouter un indice
editor-notes = Notes pour les enseignants
editor-notes-help = Le commentaire en tête du fichier : jamais montré aux élèves.

## Rules tab.
editor-goals = Objectifs
editor-goals-help = Tous doivent être atteints à la fin. Écrits comme dans les fichiers de niveau : ReachGoal, CollectAll(gem), Carry(3), RobotOn('X'), ItemsOn('D', 2), Painted('y', red), Output("…"), Said("…"), All([…]), Any([…]).
editor-add = Ajouter :
editor-goal-reach = Atteindre G
editor-goal-collect = Tout ramasser
editor-goal-carry = Porter
editor-goal-robot-on = Finir sur…
editor-goal-items-on = Déposer sur…
editor-goal-painted = Peindre…
editor-goal-output = Afficher
editor-goal-said = Dire
editor-functions = Fonctions du robot permises
editor-functions-all = Toutes les fonctions
editor-functions-help = print() est toujours permise. Sans tourner_droite(), les élèves la construisent avec trois tourner_gauche().
editor-limits = Limites et étoiles
editor-max-actions = Actions au maximum
editor-star-lines = 2e étoile : lignes de code au plus
editor-star-actions = 3e étoile : actions au plus
editor-stars-help = Une étoile pour réussir, une pour un programme court, une pour un programme efficace (sur la variante la plus longue). Testez la solution pour les régler.
editor-variants = Variantes
editor-variant-count = Nombre de variantes
editor-variants-help = Chaque essai joue toutes les variantes : un programme qui recopie les pas d'une seule carte échoue sur une autre. Les colonnes et lignes se comptent à partir de 0, comme au bord de la carte.
editor-rule-stretch = Étirer une colonne
editor-rule-stretch-row = Étirer une ligne
editor-rule-scatter = Disperser
editor-rule-item-count = Nombre d'objets
editor-rule-random-heading = Direction de départ au hasard
editor-rule-stretch-column = Répéter la colonne
editor-rule-stretch-row-label = Répéter la ligne
editor-rule-extra = en plus, de
editor-rule-scatter-keep = Garder de
editor-rule-scatter-of = des cases
editor-rule-item-count-cells = Les cases
editor-rule-item-count-hold = contiennent d'objets :

## Solution tab.
editor-test = ▶ Tester
editor-test-help = Lance la solution de référence sur chaque variante, comme « codebot validate ».
editor-test-running = Test en cours… { $seconds } s
editor-test-stale = Le niveau a changé depuis ce test.
editor-test-not-run = La solution n'a pas pu être lancée : corrigez d'abord les problèmes du niveau.
editor-test-passed = La solution réussit toutes les variantes avec 3 étoiles : le niveau est prêt.
editor-test-stars = La solution réussit, mais ne gagne que { $stars } étoile(s) sur 3.
editor-test-failed = La solution ne réussit pas toutes les variantes.
editor-use-stars = Régler les étoiles sur la solution ({ $lines } lignes, { $actions } actions)
editor-use-stars-help = Les élèves gagnent les étoiles en faisant aussi bien que votre solution.

## Problems and file.
editor-no-problems = Aucun problème : le niveau peut être enregistré et joué.
editor-problems = { $count ->
    [one] 1 problème
   *[other] { $count } problèmes
  }
editor-problem-place = ligne { $line }, col. { $column }
editor-pack-problems = Problèmes du pack
editor-copy = Copier
editor-file-help = Le fichier tel qu'il sera enregistré : il reste lisible et modifiable dans un éditeur de texte (voir docs/levels.md).

## Windows.
editor-save-title = Enregistrer le niveau
editor-save-where = Où
editor-save-in-library = Dans ma bibliothèque de packs (jouable tout de suite sur cet ordinateur)
# Dans le navigateur (il n'y a pas de dossiers).
editor-save-in-browser = Dans la bibliothèque de packs de ce navigateur (jouable tout de suite dans ce navigateur)
editor-save-in-folder = Dans un dossier
editor-choose-folder = Choisir un dossier…
editor-no-folder = Aucun dossier choisi.
editor-save-pack = Pack
editor-new-pack = Nouveau pack
editor-save-chapter = Chapitre
editor-new-chapter = Nouveau chapitre
editor-save-help = Le niveau est ajouté à la fin du chapitre, ou remplacé s'il y est déjà. La bibliothèque n'accepte qu'un pack sans problème ; un dossier garde aussi un travail en cours.
editor-save-help-web = Le niveau est ajouté à la fin du chapitre, ou remplacé s'il y est déjà. La bibliothèque n'accepte qu'un pack sans problème. Pour donner le pack à la classe : « Exporter en .zip… » le télécharge.
editor-save = Enregistrer
editor-save-incomplete = Remplissez les identifiants et les titres.
editor-cancel = Annuler
editor-open-title = Ouvrir un niveau
editor-open-file = Ouvrir un fichier .ron…
editor-open-help = Ou choisissez un niveau d'un pack. Un niveau intégré s'enregistre dans un de vos packs.
editor-unsaved-title = Modifications non enregistrées
editor-unsaved-body = Le niveau a changé depuis le dernier enregistrement. Abandonner ces changements ?
editor-unsaved-discard = Abandonner les changements

## Problems of a level, as the editor lists them (one per LevelProblem kind).
## Arguments are those of the problem; seeds are variant numbers, counted from 0.

editor-problem-io = impossible de lire le fichier : { $message }
editor-problem-not-a-level-or-pack = ce n'est ni un niveau (.ron) ni un dossier de pack.
editor-problem-no-pack-file = ce dossier n'a pas de pack.ron qui décrit le pack.
editor-problem-syntax = le fichier n'est pas du RON correct : { $message }
editor-problem-symlink = les liens symboliques sont refusés dans un pack : copiez le fichier lui-même.
editor-problem-special-file = ce n'est pas un fichier ordinaire.
editor-problem-unsafe-path = ce chemin pourrait sortir du pack (« .. », chemin absolu, lettre de lecteur, barre oblique inverse).
editor-problem-duplicate-entry = deux fichiers de l'archive ont le même nom (sans tenir compte des majuscules).
editor-problem-name-not-utf8 = le nom du fichier n'est pas en UTF-8.
editor-problem-not-utf8 = le fichier n'est pas du texte UTF-8.
editor-problem-file-too-large = le fichier dépasse { $max_bytes } octets une fois décompressé.
editor-problem-too-many-files = le pack contient plus de { $max } fichiers.
editor-problem-pack-too-large = le pack dépasse { $max_bytes } octets une fois décompressé.
editor-problem-bad-archive = ce n'est pas une archive zip lisible : { $message }
editor-problem-bad-id = l'identifiant « { $id } » doit être non vide et n'utiliser que des lettres sans accent, des chiffres, « - » et « _ ».
editor-problem-empty-text = { $field ->
    [title] le titre
    [brief] la consigne
    [hint] l'indice { $number }
   *[other] le texte { $field }
  } est vide en { $lang ->
    [fr] français
   *[other] anglais
  }.
editor-problem-unknown-function = « { $name } » n'est pas une fonction du robot.
editor-problem-no-goals = le niveau n'a aucun objectif : n'importe quel programme réussirait.
editor-problem-unknown-mark = un objectif nomme le caractère « { $mark } », qui n'est pas dessiné sur la carte.
editor-problem-no-goal-cell = l'objectif « atteindre G » demande une case d'arrivée G sur la carte.
editor-problem-zero-limit = { $field } doit valoir au moins 1.
editor-problem-star-above-limit = l'objectif d'étoile de { $stars } actions dépasse la limite du niveau ({ $limit } actions).
editor-problem-empty-solution = le niveau n'a pas de solution de référence.
editor-problem-solution-uses-forbidden = la solution de référence appelle { $name }(), que le niveau n'autorise pas.
editor-problem-solution-fails = { $seed ->
    [none] la solution de référence ne suffit pas
   *[other] la solution de référence échoue sur la variante { $seed }
  } : { $reason }
editor-problem-no-robot = la carte n'a pas de robot : posez-le avec l'outil Robot.
editor-problem-too-many-robots = la carte a { $count } robots ; il en faut exactement un.
editor-problem-unknown-char = caractère « { $ch } » inconnu : ajoutez-le à la légende.
editor-problem-conflicting-features = la légende de « { $mark } » mêle un mur à autre chose, ou contient plusieurs robots.
editor-problem-map-too-large = variante { $seed } : la carte fait { $width }x{ $height }, plus que le maximum de { $max }x{ $max }.
editor-problem-wall-outside-map = le mur fin en x={ $x }, y={ $y } est hors de la carte.
editor-problem-goal-unreachable = variante { $seed } : le robot ne peut pas atteindre cette case d'arrivée.
editor-problem-mark-unreachable = variante { $seed } : le robot ne peut atteindre aucune case « { $mark } » dont un objectif a besoin.
editor-problem-item-unreachable = variante { $seed } : le robot ne peut pas atteindre cet objet, qu'un objectif demande de ramasser.
editor-problem-not-enough-items = variante { $seed } : un objectif demande { $wanted } objets, mais seuls { $available } sont accessibles.
editor-problem-bad-variant-count = le nombre de variantes vaut { $count } ; il doit être entre 1 et { $max }.
editor-problem-stretch-outside-map = impossible d'étirer { $axis ->
    [row] la ligne
   *[other] la colonne
  } { $index } : la carte en a { $size } (numérotées à partir de 0).
editor-problem-rule-mark-not-on-map = la règle utilise le caractère « { $mark } », qui n'est pas dessiné sur la carte.
editor-problem-no-item-to-count = ItemCount('{ $mark }') demande des cases dont la légende contient un objet.
editor-problem-bad-range = l'intervalle ({ $min }, { $max }) est vide : le premier nombre ne doit pas dépasser le second.
editor-problem-identical-variants = la variante { $seed } est identique à la variante { $same_as } : ajoutez ou élargissez des règles de variantes.
editor-problem-duplicate-level-id = l'identifiant de niveau « { $id } » est déjà utilisé par { $first_file }.
editor-problem-unknown-level = aucun fichier du pack n'a l'identifiant « { $id } ».
editor-problem-level-in-two-chapters = le niveau « { $id } » est déjà dans un autre chapitre.
editor-problem-duplicate-chapter-id = l'identifiant de chapitre « { $id } » est utilisé deux fois.
editor-problem-empty-chapter = le chapitre « { $id } » ne contient aucun niveau.
editor-problem-no-chapters = le pack n'a aucun chapitre.
editor-problem-unknown-builtin-level = « { $reference } » ne désigne aucun niveau d'un pack intégré (écrivez pack/niveau, par exemple codebot/premiers-pas-01).
editor-problem-borrowed-id-clash = deux niveaux du pack ont l'identifiant « { $id } » (l'un d'eux emprunté à un pack intégré).
editor-problem-bad-time-limit = la durée de l'examen vaut { $minutes } minutes ; elle doit être entre 1 et { $max }.
editor-solution-stars = elle gagne { $stars } étoile(s) sur 3 ({ $lines } lignes de code, jusqu'à { $actions } actions) : assouplissez les objectifs d'étoiles ou raccourcissez-la.
