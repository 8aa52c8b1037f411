while not at_goal():
    if front_is_clear():
        avancer()
    else:
        tourner_droite()
