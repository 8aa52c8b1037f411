# Codebot : messages en français.
#
# Lus par src/i18n (intégrés au programme avec include_str!). Chaque message existe aussi
# dans ../en/codebot.ftl ; un test vérifie que les deux fichiers ont les mêmes identifiants.
# Ton : on s'adresse à un ou une élève de 13 ans qui débute, en le tutoyant, en une ou
# deux phrases courtes : ce qui s'est passé, puis ce qu'il faut essayer.
# Les messages « problem-* » et « robot-* » commencent par une minuscule : le code ajoute
# devant « Ligne 3 : » quand la ligne est connue, sinon il met une majuscule.

## Où se trouve l'erreur

# $line : numéro de ligne dans le programme de l'élève.
where-line = Ligne { $line } :
# $line, $column : ligne et colonne (erreurs de syntaxe).
where-line-column = Ligne { $line }, colonne { $column } :

## Erreurs de syntaxe (avant de lancer le programme)

problem-missing-colon = il manque « : » à la fin de cette ligne. Après if, for, while, else et def, on termine la ligne par deux-points.
problem-assign-in-condition = pour comparer dans une condition, écris « == ». Un seul « = » sert à ranger une valeur dans une variable.
problem-bad-indentation = le décalage (l'indentation) de cette ligne n'est pas bon. Sous une ligne qui finit par « : », décale les lignes du bloc de 4 espaces ; ailleurs, ne décale pas.
# $kind : paren, square, curly ou other ; $bracket : le symbole ouvrant ; $closing : le symbole qui le ferme.
problem-unclosed-bracket =
    { $kind ->
        [paren] la parenthèse « { $bracket } » ouverte ici n'est jamais fermée. Ajoute « { $closing } » au bon endroit.
        [square] le crochet « { $bracket } » ouvert ici n'est jamais fermé. Ajoute « { $closing } » au bon endroit.
        [curly] l'accolade « { $bracket } » ouverte ici n'est jamais fermée. Ajoute « { $closing } » au bon endroit.
       *[other] le symbole « { $bracket } » ouvert ici n'est jamais fermé. Vérifie les symboles de cette ligne.
    }
# $kind : paren, square, curly ou other ; $bracket : le symbole fermant ; $opening : le symbole qui l'ouvre.
problem-unmatched-bracket =
    { $kind ->
        [paren] la parenthèse « { $bracket } » ferme quelque chose qui n'a jamais été ouvert. Enlève-la, ou ajoute « { $opening } » avant.
        [square] le crochet « { $bracket } » ferme quelque chose qui n'a jamais été ouvert. Enlève-le, ou ajoute « { $opening } » avant.
        [curly] l'accolade « { $bracket } » ferme quelque chose qui n'a jamais été ouvert. Enlève-la, ou ajoute « { $opening } » avant.
       *[other] le symbole « { $bracket } » ferme quelque chose qui n'a jamais été ouvert. Vérifie les symboles de cette ligne.
    }
problem-unclosed-string = un texte commence par un guillemet mais ne se termine jamais. Ferme-le avec le même guillemet (" ou ') sur la même ligne.
# $limit : profondeur maximale.
problem-too-deeply-nested =
    ton code est trop imbriqué : plus de { $limit } { $limit ->
        [one] niveau
       *[other] niveaux
    } de blocs ou de parenthèses les uns dans les autres. Simplifie-le, par exemple avec une fonction (def).
# $limit : nombre maximal de caractères.
problem-program-too-long =
    ton programme est trop long : Codebot accepte au plus { $limit } { $limit ->
        [one] caractère
       *[other] caractères
    }. Utilise des boucles et des fonctions pour ne pas répéter les mêmes lignes.
# $detail : les mots de l'analyseur de Python (en anglais).
problem-invalid-syntax = Python ne comprend pas cette ligne (message de Python : « { $detail } »). Vérifie l'orthographe, les parenthèses, les guillemets et les deux-points.
problem-several-statements = il y a plusieurs instructions sur la même ligne. Mets chaque instruction sur sa propre ligne (appuie sur Entrée après chaque « ) »).
# $name : le nom écrit sans parenthèses.
problem-missing-call-parens = « { $name } » sans parenthèses n'appelle pas la fonction : écris { $name }().

## Interdit dans Codebot

# $module : le module importé.
problem-forbidden-import = pas besoin d'importer « { $module } » : dans Codebot, tout ce qu'il faut pour guider le robot est déjà là. Seuls « math » et « random » peuvent être importés. Enlève cette ligne d'import.
# $name : open, eval, exec...
problem-forbidden-name = « { $name } » n'est pas disponible dans Codebot. Ton programme n'en a pas besoin pour guider le robot.
# $name : l'attribut refusé.
problem-forbidden-attribute = « .{ $name } » fait partie des rouages internes de Python, interdits dans Codebot (comme tous les noms qui commencent par « _ » après un point). Tu n'en as pas besoin ici.
# $name : la fonction du robot refusée dans ce niveau.
problem-not-allowed-in-level = dans ce niveau, tu ne peux pas utiliser { $name }(). Essaie de réussir avec les autres fonctions du robot.

## Erreurs pendant l'exécution

# $name : le nom inconnu.
problem-unknown-name = Python ne connaît pas « { $name } ». Vérifie l'orthographe, ou donne-lui une valeur avant de l'utiliser.
# $name : le nom inconnu ; $suggestion : le nom connu le plus proche.
problem-unknown-name-suggestion = Python ne connaît pas « { $name } ». Voulais-tu dire « { $suggestion } » ?
# $name : rouge, vert, bleu ou jaune écrit sans guillemets.
problem-unquoted-colour = « { $name } » est une couleur : c'est un texte, alors écris-la entre guillemets, comme peindre("{ $name }").
# $function, $expected, $given
problem-wrong-argument-count =
    { $expected ->
        [0] il ne faut aucune valeur
        [one] il faut { $expected } valeur
       *[other] il faut { $expected } valeurs
    } entre les parenthèses de { $function }(), mais { $given ->
        [0] tu n'en as donné aucune
       *[other] tu en as donné { $given }
    }.
# $function, $expected
problem-wrong-argument-count-expected =
    { $expected ->
        [0] il ne faut aucune valeur
        [one] il faut { $expected } valeur
       *[other] il faut { $expected } valeurs
    } entre les parenthèses de { $function }(). Vérifie ce que tu as écrit entre les parenthèses.
# $function
problem-wrong-argument-count-unknown = le nombre de valeurs entre les parenthèses de { $function }() n'est pas le bon. Vérifie comment cette fonction s'utilise.
problem-text-and-number = tu mélanges du texte et des nombres. Pour coller un nombre à un texte, transforme-le avec str(...) ; pour calculer avec un texte comme "3", transforme-le avec int(...).
# $function
problem-bad-argument = la valeur donnée à { $function }() ne convient pas. Vérifie ce que tu as mis entre les parenthèses.
# $function : peindre ou paint.
problem-bad-argument-paint = entre les parenthèses de { $function }(), mets une couleur entre guillemets : "rouge", "vert", "bleu" ou "jaune".
problem-division-by-zero = division par zéro : on ne peut pas diviser un nombre par 0. Vérifie ce qui est écrit après « / », « // » ou « % ».
problem-index-out-of-range = tu demandes une case de la liste qui n'existe pas. Les positions commencent à 0 : une liste de 3 éléments va de 0 à 2.
# $key : la clé absente.
problem-missing-key = la clé « { $key } » n'existe pas dans ce dictionnaire. Vérifie son orthographe, ou ajoute-la avant de la lire.
# $what : ce que le programme a essayé d'appeler.
problem-not-callable = « { $what } » n'est pas une fonction : on ne peut pas l'appeler avec des parenthèses. As-tu donné à une variable le même nom qu'une fonction ?
problem-recursion-too-deep = ta fonction s'appelle elle-même trop de fois, sans jamais s'arrêter. Ajoute un cas (avec if) où elle ne s'appelle plus.
problem-value-too-big = tu demandes à Python de fabriquer quelque chose d'énorme, par exemple range() avec un très grand nombre. Utilise des nombres plus petits.
# $exception : le type d'erreur Python ; $message : son message (en anglais).
problem-python-error = Python a signalé une erreur { $exception } : « { $message } ». Relis cette ligne attentivement.
# $exception : le type d'erreur Python.
problem-python-error-no-message = Python a signalé une erreur { $exception }. Relis cette ligne attentivement.
problem-crashed = ton programme s'est arrêté d'une façon inattendue. Ce n'est sans doute pas ta faute : réessaie, et si ça recommence, simplifie ton programme.

## Le robot a refusé une action

robot-hit-wall = le robot s'est cogné contre un mur. Vérifie devant_libre() avant d'avancer.
robot-nothing-to-pick = il n'y a rien à ramasser sur cette case. Vérifie objet_ici() avant d'appeler ramasser().
robot-hit-wall-no-sensor = le robot s'est cogné contre un mur. Compte les cases, et regarde de quel côté il est tourné avant d'avancer.
robot-nothing-to-pick-no-sensor = il n'y a rien à ramasser sur cette case. Compte les cases jusqu'à l'objet avant d'appeler ramasser().
robot-bag-empty = le sac du robot est vide : il n'a rien à déposer. Ramasse d'abord un objet avec ramasser().

## Limites

# $limit : nombre maximal d'actions.
problem-too-many-actions =
    le robot a déjà fait { $limit } { $limit ->
        [one] action
       *[other] actions
    }, c'est le maximum. Une boucle ne s'arrête peut-être jamais : vérifie sa condition.
# $seconds : durée écrite (« 2,5 ») ; $count : la même en nombre, pour l'accord.
problem-timeout =
    ton programme n'a pas fini après { $seconds } { $count ->
        [one] seconde
       *[other] secondes
    } : une boucle ne s'arrête jamais, ou un calcul est bien trop gros ? Vérifie que la condition de ton while finit par devenir fausse.
# $megabytes : mémoire maximale en mégaoctets.
problem-memory = ton programme utilise trop de mémoire (plus de { $megabytes } Mo). Une liste ou un texte grandit-il sans fin dans une boucle ?
# $limit : nombre maximal de caractères affichés.
problem-output-limit =
    ton programme affiche trop de texte (plus de { $limit } { $limit ->
        [one] caractère
       *[other] caractères
    }). Un print() est peut-être dans une boucle qui ne s'arrête jamais.

## Objectifs du niveau non atteints

goal-not-on-goal = Le robot doit finir sur la case d'arrivée, mais il s'est arrêté ailleurs. Compte bien les cases.
# $mark : la lettre de la case sur la carte.
goal-not-on-mark = Le robot doit finir sur la case « { $mark } », mais il s'est arrêté ailleurs. Compte bien les cases.
# $left : objets restant par terre.
goal-items-left =
    { $left ->
        [one] Il reste encore 1 objet par terre
       *[other] Il reste encore { $left } objets par terre
    }. Le robot doit tout ramasser.
# $wanted, $carried
goal-not-carrying =
    Le robot doit porter au moins { $wanted } { $wanted ->
        [one] objet
       *[other] objets
    }, mais { $carried ->
        [0] il n'en porte aucun
       *[other] il n'en porte que { $carried }
    }.
# $mark, $wanted, $found
goal-wrong-item-count =
    { $wanted ->
        [0] Chaque case « { $mark } » doit être vide
        [one] Chaque case « { $mark } » doit contenir 1 objet
       *[other] Chaque case « { $mark } » doit contenir { $wanted } objets
    }, mais { $found ->
        [0] l'une d'elles n'en contient aucun
       *[other] l'une d'elles en contient { $found }
    }.
# $mark ; $color : le nom de la couleur (message color-*).
goal-not-painted = Toutes les cases « { $mark } » doivent être peintes en { $color }. Place le robot sur chacune et utilise peindre("{ $color }").
# $expected, $printed : textes courts (une ligne).
goal-wrong-output = Ton programme devait afficher « { $expected } », mais il a affiché « { $printed } ».
# $expected
goal-wrong-output-nothing = Ton programme devait afficher « { $expected } », mais il n'a rien affiché. Utilise print(...).
# $number : numéro de la ligne affichée ; $expected, $printed : cette ligne.
goal-wrong-output-line = La ligne { $number } de l'affichage devrait être « { $expected } », mais ton programme a affiché « { $printed } ».
# $number, $expected
goal-wrong-output-missing-line = Il manque des lignes à l'affichage : la ligne { $number } devrait être « { $expected } ».
# $number, $printed
goal-wrong-output-extra-line = Ton programme affiche trop de lignes : la ligne { $number } (« { $printed } ») n'était pas attendue.
# $expected, $said
goal-wrong-said = Le robot devait dire « { $expected } », mais il a dit « { $said } ».
# $expected, $said : les mêmes mots, aux majuscules près.
goal-wrong-said-case = Le robot devait dire « { $expected } », mais il a dit « { $said } ». Presque : attention aux majuscules !
# $expected
goal-wrong-said-nothing = Le robot devait dire « { $expected } », mais il n'a rien dit. Utilise dire(...).
# $first : le message du premier objectif possible.
goal-none-of = Aucun des objectifs possibles n'est atteint. Par exemple : { $first }

## Couleurs (les mêmes mots que ceux acceptés par peindre())

color-red = rouge
color-green = vert
color-blue = bleu
color-yellow = jaune

## Verdicts affichés par la ligne de commande

# $stars : étoiles gagnées, de 0 à 3.
verdict-passed =
    Réussi ! { $stars ->
        [0] Pas encore d'étoile : essaie avec moins de lignes ou moins d'actions.
        [one] Tu gagnes 1 étoile sur 3.
       *[other] Tu gagnes { $stars } étoiles sur 3.
    }
verdict-failed = Pas encore réussi. Lis le message, corrige ton programme et réessaie !
# $seed : numéro de la variante (à passer en texte) ; $actions : actions du robot.
verdict-variant-passed =
    Variante { $seed } : réussie en { $actions } { $actions ->
        [one] action
       *[other] actions
    }
# $seed : numéro de la variante (à passer en texte) ; $reason : un message déjà traduit.
verdict-variant-failed = Variante { $seed } : { $reason }
verdict-variant-not-run = Variante { $seed } : pas lancée, car une variante précédente s'est arrêtée sur une erreur.
# $stars : étoiles gagnées (0 à 3), $lines : lignes de code, $actions : le plus d'actions du robot dans une variante.
verdict-stars-detail = { $lines } { $lines ->
    [one] ligne
   *[other] lignes
 } de code, au plus { $actions } { $actions ->
    [one] action
   *[other] actions
 } dans une variante.
verdict-validate-ok = { $count } { $count ->
    [one] niveau vérifié
   *[other] niveaux vérifiés
 } : aucun problème trouvé.
# $passed, $total : nombres de variantes.
verdict-variants-summary =
    { $passed } { $passed ->
        [one] variante réussie
       *[other] variantes réussies
    } sur { $total }.

## Erreurs dans ce que la ligne de commande a reçu

# $path : le chemin donné ; $reason : la raison (souvent en anglais, du système).
input-unreadable-level = Impossible de lire le niveau « { $path } » : { $reason }
# $reference : ce qui a été tapé, par exemple debut/niveau-01.
input-unknown-level = Aucun niveau ne s'appelle « { $reference } ». Tape « codebot list » pour voir les niveaux disponibles.
# $path, $reason
input-unreadable-program = Impossible de lire le programme « { $path } » : { $reason }

## Les fonctions du robot, en une ligne (le nom français d'abord)

fn-move = avancer() : le robot avance d'une case tout droit.
fn-turn-left = tourner_gauche() : le robot tourne d'un quart de tour vers la gauche.
fn-turn-right = tourner_droite() : le robot tourne d'un quart de tour vers la droite.
fn-pick = ramasser() : le robot ramasse un objet sur sa case.
fn-drop = deposer() : le robot pose par terre un objet de son sac.
fn-paint = peindre(couleur) : le robot peint sa case en "rouge", "vert", "bleu" ou "jaune".
fn-say = dire(texte) : le robot dit le texte dans une bulle.
fn-front-is-clear = devant_libre() : répond True si la case devant le robot est libre.
fn-wall-in-front = mur_devant() : répond True s'il y a un mur devant le robot.
fn-item-here = objet_ici() : dit s'il y a un objet sur la case du robot.
fn-at-goal = arrivee() : répond True si le robot est sur la case d'arrivée.
fn-color-here = couleur_ici() : donne la couleur de la case du robot.

## curriculum

# Niveaux des chapitres (les trois paliers de CitizenCode), affichés sur la carte des niveaux.
tier-discovery = Découverte
tier-practice = Entraînement
tier-challenge = Défi
# Cartes métiers (src/curriculum) : titres des rubriques d'une carte.
career-what = Le métier
career-day = Une journée de travail
career-skill = Ce que tu as appris qui sert dans ce métier
career-path = Comment y arriver après la 3e
# $name : le prénom de la personne de la carte ; $role : ce qu'elle fait, par exemple
# « développeuse dans une entreprise d'applications de santé ».
career-persona = { $name }, { $role }
# $chapter : le titre du chapitre à terminer.
career-locked = Termine le chapitre « { $chapter } » pour découvrir ce métier.
# $title : le titre de la carte débloquée.
career-unlocked = Nouvelle carte métier : { $title } !
# $title : le nom du badge gagné.
badge-earned = Nouveau badge : { $title } !

## game: screens

common-back = ⬅ Retour
common-cancel = Annuler
common-keys-help = Clavier : Tab ou flèches pour se déplacer · Entrée pour choisir · Échap pour revenir
title-tagline = Programme le robot en Python !
title-play = Jouer
# $name : le profil en cours.
title-continue = Continuer ({ $name })
title-change-profile = Changer de profil
title-settings = Réglages
title-credits = À propos
title-quit = Quitter
profiles-title = Qui joue ?
profiles-subtitle = Choisis ton profil, ou crée le tien. Ta progression est gardée sur cet ordinateur.
profiles-new = Nouveau profil
profiles-edit = Modifier
# $stars : étoiles gagnées ; $levels : niveaux réussis.
profiles-card-progress =
    { $stars } · { $levels ->
        [0] aucun niveau
        [one] 1 niveau
       *[other] { $levels } niveaux
    }
profiles-card-recovered = Sauvegarde abîmée : la copie de secours servira
profiles-card-newer = Créé par une version plus récente de Codebot
profiles-card-unreadable = Illisible : demande à ton professeur
profiles-create-title = Crée ton profil
profiles-edit-title = Modifier le profil
profiles-name = Ton prénom ou ton pseudo :
profiles-name-hint = par exemple Zoé
profiles-avatar = Choisis ton robot :
# $number : numéro de l'avatar (1 à 8).
profiles-avatar-number = Robot { $number }
profiles-create = Créer et jouer
profiles-save = Enregistrer
profiles-delete = Supprimer ce profil…
# $name : le nom du profil.
profiles-delete-confirm = Supprimer le profil « { $name } » et toute sa progression ? Les fichiers sont mis de côté dans la corbeille de Codebot, ton professeur peut les récupérer.
profiles-delete-yes = Oui, supprimer
profiles-error-name-empty = Écris un nom pour ton profil.
# $max : nombre maximal de caractères.
profiles-error-name-too-long = Ce nom est trop long : { $max } caractères au plus.
profiles-error-name-invalid = Ce nom contient des caractères qui ne sont pas permis.
profiles-error-name-taken = Il y a déjà un profil « { $name } ». Choisis un autre nom (ajoute l'initiale de ton nom, par exemple).
profiles-error-unreadable = Le profil « { $name } » ne peut pas être lu : sa sauvegarde et sa copie de secours sont abîmées. Rien n'a été effacé : montre ce message à ton professeur.
profiles-error-newer = Le profil « { $name } » a été enregistré par une version plus récente de Codebot. Il n'a pas été modifié : ouvre-le avec cette version.
# $reason : la raison technique (en anglais), pour le professeur.
profiles-error-failed = Cela n'a pas marché. Montre ce message à ton professeur : { $reason }
map-no-levels = Aucun niveau n'est installé.
map-all-done = Tu as réussi tous les niveaux. Bravo ! Essaie de gagner toutes les étoiles.
# $number : numéro du chapitre ; $title : son titre.
map-chapter = Chapitre { $number } · { $title }
# $passed, $total : niveaux réussis sur le total ; $stars, $max : étoiles gagnées sur le maximum.
map-chapter-progress = { $passed }/{ $total } réussis · { $stars }/{ $max } ★
map-chapter-locked = Réussis les niveaux du chapitre précédent (le défi final n'est pas obligatoire) pour ouvrir celui-ci.
# $stars : étoiles gagnées ; $levels : niveaux réussis.
map-total =
    { $stars } ★ · { $levels ->
        [0] aucun niveau réussi
        [one] 1 niveau réussi
       *[other] { $levels } niveaux réussis
    }
map-settings = Réglages
map-change-profile = Changer de profil
map-home = Accueil
map-next = À toi !
map-level-locked = verrouillé
map-level-open = à faire
# $stars : étoiles gagnées (0 à 3).
map-level-passed =
    réussi, { $stars ->
        [one] 1 étoile
       *[other] { $stars } étoiles
    }
map-level-locked-help = Réussis le niveau d'avant pour ouvrir celui-ci.
settings-title = Réglages
settings-language = Langue
settings-text-size = Taille du texte
settings-text-size-help = Agrandit tout le jeu : textes, boutons et code.
settings-text-normal = Normale
settings-text-large = Grande
settings-text-larger = Très grande
settings-text-largest = Énorme
settings-contrast = Contraste élevé
settings-contrast-help = Texte blanc sur fond noir, couleurs vives : plus facile à lire, aussi sur un vidéoprojecteur.
settings-off = Non
settings-on = Oui
settings-speed = Vitesse du robot
settings-speed-help = La vitesse à laquelle le robot rejoue ton programme.
settings-speed-slow = Lente
settings-speed-normal = Normale
settings-speed-fast = Rapide
settings-speed-fastest = Très rapide
settings-motion = Mouvements réduits
settings-motion-help = Pas de glissements ni d'effets : le robot passe d'une case à l'autre sans animation.
# $name : le profil en cours.
settings-saved-in-profile = Ces réglages sont enregistrés dans le profil de { $name }.
settings-no-profile = Ces réglages valent jusqu'à ce que tu choisisses un profil ; ensuite, ils sont enregistrés dans ton profil.
notice-title-info = C'est fait
notice-title-warning = Attention
notice-title-error = Un problème
notice-title-reward = Bravo !
# Le second bouton d'un message qui propose d'ouvrir un écran.
notice-later = Plus tard
notice-ok = J'ai compris
notice-file-missing = le fichier a disparu
notice-file-empty = le fichier est vide
notice-file-truncated = le fichier est coupé avant la fin (l'ordinateur s'est peut-être éteint pendant l'enregistrement)
notice-file-garbled = le fichier est illisible
notice-file-invalid = le fichier contient des valeurs impossibles
notice-file-newer = le fichier vient d'une version plus récente de Codebot
notice-file-io = l'ordinateur a refusé de lire le fichier
# $name : le profil ; $problem : ce qui n'allait pas (un des messages notice-file-…) ; $copy : où le fichier abîmé est gardé.
notice-profile-recovered = La dernière sauvegarde de { $name } était abîmée : { $problem }. Codebot a repris la copie de secours, donc tes tout derniers progrès peuvent manquer ; tout le reste est là. Le fichier abîmé est gardé pour ton professeur ({ $copy }).
# $reason : la raison technique (en anglais).
notice-save-failed = Ta progression n'a pas pu être enregistrée. Codebot réessaiera tout seul ; si ce message revient, préviens ton professeur. Raison : { $reason }
notice-no-data-folder = Codebot ne trouve pas de dossier où garder ta progression : elle sera perdue à la fermeture du jeu. Préviens ton professeur. Raison : { $reason }
notice-list-failed = La liste des profils n'a pas pu être lue. Préviens ton professeur. Raison : { $reason }
# $name : le nom donné avec --profile.
notice-start-profile-failed = Le profil « { $name } » n'a pas pu être ouvert : { $reason }
credits-title = À propos de Codebot
credits-about-title = Codebot { $version }
credits-about = Un jeu pour apprendre Python en programmant un robot : écris ton programme, regarde le robot l'exécuter, corrige, et gagne des étoiles. Il marche sans Internet et garde la progression de chaque élève sur l'ordinateur.
credits-built-with-title = Fabriqué avec
credits-built-with = Bevy (moteur de jeu, MIT ou Apache-2.0) · egui et bevy_egui (interface, MIT ou Apache-2.0) · RustPython (Python, MIT) · Fluent (traductions, Apache-2.0 ou MIT) · le langage Rust.
credits-art-title = Images et polices
credits-art = Le robot, les cases, les objets et les avatars sont dessinés par le code du jeu, pixel par pixel. Polices fournies avec egui : Ubuntu Light (Ubuntu Font Licence 1.0), Hack (MIT et Bitstream Vera), Noto Emoji et emoji-icon-font (SIL Open Font Licence 1.1).
credits-licence-title = Licence
credits-licence = Codebot est un logiciel libre, sous licence MIT ou Apache-2.0 au choix : tu peux l'utiliser, l'étudier, le partager et l'améliorer.

## game: level screen

level-no-levels = Aucun niveau n'est installé.
# Mis en commentaire en haut de l'éditeur d'un niveau neuf (une ligne = une ligne de commentaire).
level-code-starter =
    Écris ton programme ici,
    puis clique sur « Lancer ».
level-run-crashed = Codebot n'a pas pu lancer ton programme. Réessaie ; si ça recommence, préviens ton professeur.
level-run-no-worker = Codebot ne trouve pas son propre programme pour lancer le tien. Préviens ton professeur.
level-back-to-map = ⬅ Carte
level-best-stars = Ton record :
level-mission = Mission
level-goal = Objectif
level-functions = Fonctions du robot
level-function-print = print(texte) : affiche le texte dans la console.
level-hints = Besoin d'aide ?
# $count : nombre de variantes du niveau.
level-variants-note =
    { $count ->
        [one] Ton programme sera testé sur ce monde.
       *[other] Ton programme sera testé sur { $count } variantes de ce monde : il doit marcher sur toutes.
    }
# $number : numéro de l'indice ; $total : nombre d'indices.
level-hint-title = Indice { $number } sur { $total }
level-hint-reveal = Voir l'indice { $number } sur { $total }
level-goal-reach = Amène le robot sur la case d'arrivée G (le drapeau).
# $mark : la lettre écrite sur la case.
level-goal-robot-on = Arrête le robot sur la case « { $mark } ».
level-goal-collect-all = Ramasse tous les objets.
# $kind : gem, coin, key ou battery.
level-goal-collect-kind =
    Ramasse { $kind ->
        [gem] toutes les gemmes
        [coin] toutes les pièces
        [key] toutes les clés
       *[battery] toutes les piles
    }.
level-goal-carry =
    Le robot doit finir en portant au moins { $count } { $count ->
        [one] objet
       *[other] objets
    }.
level-goal-items-on =
    { $count ->
        [0] Chaque case « { $mark } » doit finir vide.
        [one] Chaque case « { $mark } » doit finir avec exactement 1 objet.
       *[other] Chaque case « { $mark } » doit finir avec exactement { $count } objets.
    }
# $color : nom de la couleur.
level-goal-painted = Peins en { $color } toutes les cases « { $mark } ».
level-goal-painted-floor = Peins en { $color } toutes les cases vides (celles marquées d'un point).
# $from: the colour the squares have now (red, green, blue, yellow); $color: the colour to paint.
level-goal-painted-colored = Peins en { $color } toutes les cases { $from ->
        [red] rouges
        [green] vertes
        [blue] bleues
       *[yellow] jaunes
    }.
level-goal-output = Ton programme doit afficher :
level-goal-said = Le robot doit dire :
level-goal-any = Au choix, l'un de ces objectifs :
level-goal-count-items = (le nombre d'objets)
level-goal-count-kind =
    (le nombre de { $kind ->
        [gem] gemmes
        [coin] pièces
        [key] clés
       *[battery] piles
    })
level-editor = Ton programme
# $lines : lignes de code (sans les lignes vides ni les commentaires).
level-lines =
    { $lines ->
        [0] aucune ligne de code
        [one] 1 ligne de code
       *[other] { $lines } lignes de code
    }
level-editor-changed = Tu as modifié le code depuis le dernier lancement : relance-le pour voir le résultat.
level-run = ▶ Lancer
level-stop = ■ Arrêter
level-play = ▶ Lecture
level-pause = ⏸ Pause
level-step = Pas ▶|
level-step-back = |◀ Pas
# $done : actions montrées ; $total : actions du programme.
level-timeline = Action { $done } sur { $total }
level-tip-run = Lance ton programme (Ctrl+Entrée ou F5).
level-tip-stop = Arrête le programme (Échap).
level-tip-play = Lecture ou pause (Espace, quand tu n'écris pas dans l'éditeur).
level-tip-step = Une action en avant (flèche droite). Avant un lancement : lance le programme, puis montre la première action.
level-tip-step-back = Une action en arrière (flèche gauche).
level-tip-reset = Revenir au début (touche Début).
level-tip-end = Aller à la fin (touche Fin).
level-tip-speed = Vitesse du robot, en actions par seconde :
# $seconds : depuis combien de temps, en secondes.
level-running = Ton programme tourne… { $seconds } s
level-stopped = Programme arrêté.
level-console = Console
level-console-empty = Rien d'affiché pour l'instant. print(...) écrit ici.
# $number : la variante montrée ; $total : nombre de variantes.
level-variant-shown = Variante { $number } sur { $total }
level-verdict-passed = Bravo, niveau réussi !
level-verdict-passed-all =
    { $total ->
        [one] Ton programme atteint l'objectif.
       *[other] Ton programme marche sur les { $total } variantes.
    }
level-verdict-failed = Pas encore…
level-verdict-failed-variant = Variante { $number } sur { $total } :
level-verdict-not-graded = Ton programme n'a pas pu être vérifié.
# $max : lignes permises ; $lines : lignes du programme.
level-verdict-next-lines = Étoile suivante : écris un programme de { $max } lignes au plus (le tien en a { $lines }).
# $max : actions permises ; $actions : actions faites dans la pire variante.
level-verdict-next-actions = Étoile suivante : le robot doit finir en { $max } actions au plus (il en fait jusqu'à { $actions }).
level-verdict-all-stars = Toutes les étoiles : programme court et robot efficace !
level-verdict-variants = Variantes :
level-variant-passed = Variante { $number } : réussie. Clique pour la revoir.
level-variant-failed = Variante { $number } : pas réussie. Clique pour la revoir.
level-variant-not-run = Variante { $number } : pas essayée, car une autre s'est arrêtée sur une erreur.
level-retry = Réessayer
level-next = Niveau suivant ➡
level-show-solution = Voir une solution
level-solution-title = Une solution possible
level-solution-note = Il y a souvent plusieurs bonnes solutions : la tienne peut être différente et tout aussi juste.
level-close = Fermer
level-verdict-hide = Masquer
level-verdict-show = Voir le résultat

## crash reports and graphics start-up (src/crash.rs, src/game/crash.rs, src/game/graphics.rs)

crash-report-title = Codebot — rapport de plantage
crash-report-intro = Codebot s'est arrêté à cause d'une erreur dans le jeu lui-même, pas dans le programme de l'élève. Les sauvegardes n'ont pas été touchées. Ce fichier ne contient ni code d'élève ni nom : vous pouvez l'envoyer à la personne qui s'occupe de Codebot.
crash-report-version = Version
crash-report-time = Heure
crash-report-system = Système
crash-report-graphics = Affichage
crash-report-screen = Écran affiché
crash-report-what = Ce qui s'est passé
crash-report-where = Endroit dans le code
crash-report-details = Pour les développeurs
crash-report-unknown = inconnu
# $path: where the report was written.
crash-report-written = Codebot s'est arrêté à cause d'une erreur. Un rapport a été écrit dans { $path }
# $reason: the technical reason.
crash-report-not-written = Codebot s'est arrêté à cause d'une erreur, et le rapport de plantage n'a pas pu être écrit : { $reason }
crash-notice-title = Codebot s'est arrêté la dernière fois
# $path: the report file.
crash-notice-body = Désolé ! Codebot s'est arrêté à cause d'une erreur la dernière fois. Tes sauvegardes ne risquent rien. Un rapport pour ton professeur a été enregistré ici : { $path }
crash-notice-show = Voir le rapport
crash-notice-copy = Copier le rapport
crash-notice-copied = Copié : colle-le dans un courriel ou un message.
crash-notice-open-folder = Ouvrir le dossier
crash-notice-close = Fermer
crash-graphics-title = Codebot ne peut pas démarrer
# $reason: the technical reason; $gl: `tried` when OpenGL was among the backends tried.
crash-no-graphics =
    Codebot n'a pas pu démarrer la carte graphique de cet ordinateur.
    { $gl ->
        [tried] À essayer : mettre à jour les pilotes de la carte graphique, ou jouer à la version de Codebot pour navigateur web (dans un navigateur récent, rien à installer).
       *[other] À essayer : mettre à jour les pilotes de la carte graphique ; lancer Codebot avec `codebot --backend gl` (OpenGL, pour les cartes graphiques anciennes) ; ou jouer à la version de Codebot pour navigateur web (dans un navigateur récent, rien à installer).
    }
    Raison technique : { $reason }
# $reason: the technical reason.
crash-no-display =
    Codebot n'a trouvé aucun écran où ouvrir sa fenêtre. Les commandes (`codebot --help`) fonctionnent sans écran.
    Raison technique : { $reason }
# $path: the PNG file asked for; $reason: the technical reason.
crash-icon-not-written = Impossible d'écrire l'icône { $path } : { $reason }
crash-graphics-retry = La carte graphique n'a pas pu démarrer : nouvel essai avec OpenGL seulement.
# $value: the value found in the environment variable.
crash-backend-unknown = CODEBOT_BACKEND={ $value } n'est pas un moteur graphique connu de Codebot (auto, vulkan ou gl) : cette valeur est ignorée.
