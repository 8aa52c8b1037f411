//! The robot functions students call, with their English and French names.
//! Both names always work; a level may allow only some of the functions.

/// What a robot function does when called.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RobotFn {
    Move,
    TurnLeft,
    TurnRight,
    Pick,
    Drop,
    Paint,
    Say,
    FrontIsClear,
    WallInFront,
    ItemHere,
    AtGoal,
    ColorHere,
}

impl RobotFn {
    pub const ALL: [RobotFn; 12] = [
        RobotFn::Move,
        RobotFn::TurnLeft,
        RobotFn::TurnRight,
        RobotFn::Pick,
        RobotFn::Drop,
        RobotFn::Paint,
        RobotFn::Say,
        RobotFn::FrontIsClear,
        RobotFn::WallInFront,
        RobotFn::ItemHere,
        RobotFn::AtGoal,
        RobotFn::ColorHere,
    ];

    /// The English name, also the name used in level files' `allowed` lists.
    pub fn english(self) -> &'static str {
        match self {
            RobotFn::Move => "move",
            RobotFn::TurnLeft => "turn_left",
            RobotFn::TurnRight => "turn_right",
            RobotFn::Pick => "pick",
            RobotFn::Drop => "drop",
            RobotFn::Paint => "paint",
            RobotFn::Say => "say",
            RobotFn::FrontIsClear => "front_is_clear",
            RobotFn::WallInFront => "wall_in_front",
            RobotFn::ItemHere => "item_here",
            RobotFn::AtGoal => "at_goal",
            RobotFn::ColorHere => "color_here",
        }
    }

    pub fn french(self) -> &'static str {
        match self {
            RobotFn::Move => "avancer",
            RobotFn::TurnLeft => "tourner_gauche",
            RobotFn::TurnRight => "tourner_droite",
            RobotFn::Pick => "ramasser",
            RobotFn::Drop => "deposer",
            RobotFn::Paint => "peindre",
            RobotFn::Say => "dire",
            RobotFn::FrontIsClear => "devant_libre",
            RobotFn::WallInFront => "mur_devant",
            RobotFn::ItemHere => "objet_ici",
            RobotFn::AtGoal => "arrivee",
            RobotFn::ColorHere => "couleur_ici",
        }
    }

    /// How many arguments the function takes.
    pub fn arity(self) -> usize {
        match self {
            RobotFn::Paint | RobotFn::Say => 1,
            _ => 0,
        }
    }

    /// Sensors answer a question and leave no frame in the trace.
    pub fn is_sensor(self) -> bool {
        matches!(
            self,
            RobotFn::FrontIsClear
                | RobotFn::WallInFront
                | RobotFn::ItemHere
                | RobotFn::AtGoal
                | RobotFn::ColorHere
        )
    }

    /// Finds a function by its English or French name.
    pub fn from_name(name: &str) -> Option<RobotFn> {
        RobotFn::ALL
            .into_iter()
            .find(|f| f.english() == name || f.french() == name)
    }

    /// Both names of every function, for suggestions and checks.
    pub fn all_names() -> impl Iterator<Item = &'static str> {
        RobotFn::ALL
            .into_iter()
            .flat_map(|f| [f.english(), f.french()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_both_ways() {
        for f in RobotFn::ALL {
            assert_eq!(RobotFn::from_name(f.english()), Some(f));
            assert_eq!(RobotFn::from_name(f.french()), Some(f));
        }
        assert_eq!(RobotFn::from_name("fly"), None);
        let names: std::collections::BTreeSet<_> = RobotFn::all_names().collect();
        assert_eq!(names.len(), 24, "no two functions share a name");
    }
}
