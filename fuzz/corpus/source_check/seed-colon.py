if front_is_clear()
    move()
