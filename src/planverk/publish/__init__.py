"""Publishing a plan for people who never open its repository: pictures of its diagrams
(:mod:`planverk.publish.pictures`), and documents and sites built on them."""
